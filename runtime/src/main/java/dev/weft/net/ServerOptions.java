package dev.weft.net;

/**
 * How a server's listening sockets are set up: asyncio's {@code create_server} keyword
 * arguments {@code backlog}, {@code reuse_address} and {@code reuse_port}, plus the buffer sizes
 * of the connections it accepts. {@link DatagramOptions} is the UDP counterpart, with the same
 * {@code with} methods for the options they share.
 *
 * <p>Immutable; each {@code with} method returns a changed copy. The defaults are asyncio's on
 * POSIX systems: a backlog of 100, {@code SO_REUSEADDR} on (so a restarted server can bind a
 * port whose old connections linger in {@code TIME_WAIT}), {@code SO_REUSEPORT} off, and the
 * system's buffer sizes. Thread-safe.
 */
public final class ServerOptions {
    private static final ServerOptions DEFAULTS = new ServerOptions(100, true, false, 0, 0);

    private final int backlog;
    private final boolean reuseAddress;
    private final boolean reusePort;
    private final int receiveBufferSize;
    private final int sendBufferSize;

    private ServerOptions(int backlog, boolean reuseAddress, boolean reusePort,
            int receiveBufferSize, int sendBufferSize) {
        this.backlog = backlog;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
        this.receiveBufferSize = receiveBufferSize;
        this.sendBufferSize = sendBufferSize;
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
        return new ServerOptions(backlog, reuseAddress, reusePort, receiveBufferSize, sendBufferSize);
    }

    /** With {@code SO_REUSEADDR} set as given. */
    public ServerOptions withReuseAddress(boolean on) {
        return new ServerOptions(backlog, on, reusePort, receiveBufferSize, sendBufferSize);
    }

    /**
     * With {@code SO_REUSEPORT} set as given, so several servers (for example one per loop) can
     * bind the same port and the kernel spreads connections among them. Binding fails with
     * {@link UnsupportedOperationException} where the platform has no such option.
     */
    public ServerOptions withReusePort(boolean on) {
        return new ServerOptions(backlog, reuseAddress, on, receiveBufferSize, sendBufferSize);
    }

    /**
     * With {@code SO_RCVBUF} set to {@code bytes} on the listening sockets, set before they are
     * bound so that every accepted connection inherits it, and a TCP window that large can be
     * negotiated. The kernel may adjust it (Linux doubles it, capped at
     * {@code net.core.rmem_max}); {@link Transport#getOption} on a connection reads the size in
     * effect.
     *
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public ServerOptions withReceiveBufferSize(int bytes) {
        return new ServerOptions(backlog, reuseAddress, reusePort, checkSize("receive", bytes),
                sendBufferSize);
    }

    /**
     * With {@code SO_SNDBUF} set to {@code bytes} on every accepted connection, as it is
     * accepted (a listening socket has no send buffer to inherit).
     *
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public ServerOptions withSendBufferSize(int bytes) {
        return new ServerOptions(backlog, reuseAddress, reusePort, receiveBufferSize,
                checkSize("send", bytes));
    }

    private static int checkSize(String which, int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the " + which + " buffer size must be at least 1 "
                    + "byte, got " + bytes + " (leave it unset for the system's default)");
        }
        return bytes;
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

    /** The requested {@code SO_RCVBUF} in bytes, or 0 for the system's default. */
    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    /** The requested {@code SO_SNDBUF} in bytes, or 0 for the system's default. */
    public int sendBufferSize() {
        return sendBufferSize;
    }

    @Override
    public String toString() {
        return "ServerOptions[backlog=" + backlog + ", reuseAddress=" + reuseAddress
                + ", reusePort=" + reusePort + ", receiveBufferSize=" + receiveBufferSize
                + ", sendBufferSize=" + sendBufferSize + "]";
    }
}
