package dev.weft.bench.echo;

/**
 * One measured window of the echo suite: a server kind under one load (connections × message
 * size), or why it could not be measured ({@link #error} non-null, the figures NaN).
 *
 * @param kind the server
 * @param connections the load generator's connections
 * @param size the message size in bytes
 * @param requestsPerSecond echoes completed per second of the window
 * @param userNanos the server process's user CPU per request
 * @param systemNanos the server process's system CPU per request
 * @param loopUserNanos the user CPU of the server's loop threads alone per request (no JIT, no GC)
 * @param allocatedBytes bytes the server's loop threads allocated per request
 * @param error null, or why this window has no figures
 */
public record EchoResult(EchoKind kind, int connections, int size, double requestsPerSecond,
                         double userNanos, double systemNanos, double loopUserNanos, double allocatedBytes,
                         String error) {

    static EchoResult failed(EchoKind kind, int connections, int size, String error) {
        return new EchoResult(kind, connections, size, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                error);
    }

    /** Whether the window has figures. */
    public boolean measured() {
        return error == null;
    }

    /** The load as the report's tables name it, e.g. {@code 16 × 64 B}. */
    public String load() {
        return connections + " × " + (size >= 1024 ? size / 1024 + " KiB" : size + " B");
    }
}
