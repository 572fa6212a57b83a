package dev.weft.net;

/**
 * How a server's listening sockets are set up: asyncio's {@code create_server} keyword
 * arguments {@code backlog}, {@code reuse_address} and {@code reuse_port}.
 *
 * <p>Immutable; each {@code with} method returns a changed copy. The defaults are asyncio's on
 * POSIX systems: a backlog of 100, {@code SO_REUSEADDR} on (so a restarted server can bind a
 * port whose old connections linger in {@code TIME_WAIT}) and {@code SO_REUSEPORT} off.
 * Thread-safe.
 */
public final class ServerOptions {
    private static final ServerOptions DEFAULTS = new ServerOptions(100, true, false);

    private final int backlog;
    private final boolean reuseAddress;
    private final boolean reusePort;

    private ServerOptions(int backlog, boolean reuseAddress, boolean reusePort) {
        this.backlog = backlog;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
    }

    /** The defaults: backlog 100, {@code SO_REUSEADDR} on, {@code SO_REUSEPORT} off. */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With a listen backlog of {@code backlog} pending connections; the server also accepts up
     * to that many connections per readiness event, but at most 32, so that a burst of clients
     * is set up over a few loop iterations with timers and other sockets served in between.
     *
     * @throws IllegalArgumentException if {@code backlog < 1}
     */
    public ServerOptions withBacklog(int backlog) {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
        return new ServerOptions(backlog, reuseAddress, reusePort);
    }

    /** With {@code SO_REUSEADDR} set as given. */
    public ServerOptions withReuseAddress(boolean on) {
        return new ServerOptions(backlog, on, reusePort);
    }

    /**
     * With {@code SO_REUSEPORT} set as given, so several servers (for example one per loop) can
     * bind the same port and the kernel spreads connections among them. Binding fails with
     * {@link UnsupportedOperationException} where the platform has no such option.
     */
    public ServerOptions withReusePort(boolean on) {
        return new ServerOptions(backlog, reuseAddress, on);
    }

    /** The listen backlog. */
    public int backlog() {
        return backlog;
    }

    /** Whether {@code SO_REUSEADDR} is set on the listening sockets. */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /** Whether {@code SO_REUSEPORT} is set on the listening sockets. */
    public boolean reusePort() {
        return reusePort;
    }

    @Override
    public String toString() {
        return "ServerOptions[backlog=" + backlog + ", reuseAddress=" + reuseAddress
                + ", reusePort=" + reusePort + "]";
    }
}
