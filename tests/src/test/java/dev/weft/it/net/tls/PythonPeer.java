package dev.weft.it.net.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python peer process of the interop tests: started from a command, it prints the port it
 * listens on as its first line, and a last line when it is done. Blocking methods: call them
 * through {@code Weft.toThread}. Not thread-safe; one test uses one peer.
 */
final class PythonPeer implements AutoCloseable {
    final int port;
    private final Process process;
    private final BufferedReader out;

    private PythonPeer(Process process, BufferedReader out, int port) {
        this.process = process;
        this.out = out;
        this.port = port;
    }

    /** Starts {@code cmd} and waits for the port line; fails the test if it is not a port. */
    static PythonPeer start(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        try {
            return new PythonPeer(p, out, Integer.parseInt(first.trim()));
        } catch (RuntimeException e) {
            p.destroy();
            throw new AssertionError("the Python server did not start: " + first);
        }
    }

    /** The peer's next line and its exit code, waiting at most 60 s for it to exit. */
    String finish() throws IOException, InterruptedException {
        String rest = out.readLine();
        process.waitFor(60, TimeUnit.SECONDS);
        return rest + " exit=" + process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
