package dev.weft.net;

/**
 * How a UDP endpoint's socket is set up: asyncio's {@code create_datagram_endpoint} keyword
 * arguments {@code reuse_port} and {@code allow_broadcast}, plus the buffer sizes and address
 * reuse that asyncio leaves to a pre-made socket. The UDP counterpart of {@link ServerOptions},
 * with the same {@code with} methods for the options they share.
 *
 * <p>The options are set before the socket is bound: {@code SO_REUSEADDR} and
 * {@code SO_REUSEPORT} only matter then, and a receive buffer set before the first datagram
 * arrives is the one a burst lands in — the default (about 200 KiB on Linux) drops datagrams
 * once a burst outruns the loop, which is why a busy receiver raises it.
 *
 * <p>Immutable; each {@code with} method returns a changed copy. The defaults are asyncio's: no
 * address or port reuse (asyncio refuses {@code reuse_address} for UDP, because on Linux it
 * lets another process bind the same address and receive a share of its datagrams — turn it on
 * only for multicast receivers that must share a port), no broadcast, and the system's buffer
 * sizes. Thread-safe. Null policy: no method takes or returns null.
 */
public final class DatagramOptions {
    private static final DatagramOptions DEFAULTS = new DatagramOptions(0, 0, false, false, false);

    private final int receiveBufferSize;
    private final int sendBufferSize;
    private final boolean broadcast;
    private final boolean reuseAddress;
    private final boolean reusePort;

    private DatagramOptions(int receiveBufferSize, int sendBufferSize, boolean broadcast,
            boolean reuseAddress, boolean reusePort) {
        this.receiveBufferSize = receiveBufferSize;
        this.sendBufferSize = sendBufferSize;
        this.broadcast = broadcast;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
    }

    /** The defaults: system buffer sizes, no broadcast, no address or port reuse. */
    public static DatagramOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With {@code SO_RCVBUF} set to {@code bytes}. The kernel may adjust it (Linux doubles the
     * value and caps it at {@code net.core.rmem_max}); {@link DatagramTransport#getOption} reads
     * the size in effect.
     *
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public DatagramOptions withReceiveBufferSize(int bytes) {
        return new DatagramOptions(checkSize("receive", bytes), sendBufferSize, broadcast,
                reuseAddress, reusePort);
    }

    /**
     * With {@code SO_SNDBUF} set to {@code bytes} (adjusted by the kernel as the receive
     * buffer is).
     *
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public DatagramOptions withSendBufferSize(int bytes) {
        return new DatagramOptions(receiveBufferSize, checkSize("send", bytes), broadcast,
                reuseAddress, reusePort);
    }

    /** With {@code SO_BROADCAST} as given: on, datagrams may be sent to broadcast addresses. */
    public DatagramOptions withBroadcast(boolean on) {
        return new DatagramOptions(receiveBufferSize, sendBufferSize, on, reuseAddress, reusePort);
    }

    /** With {@code SO_REUSEADDR} as given; see the class comment before turning it on. */
    public DatagramOptions withReuseAddress(boolean on) {
        return new DatagramOptions(receiveBufferSize, sendBufferSize, broadcast, on, reusePort);
    }

    /**
     * With {@code SO_REUSEPORT} as given, so several endpoints can bind one port and the kernel
     * spreads the datagrams among them. Opening the endpoint fails with
     * {@link UnsupportedOperationException} where the platform has no such option.
     */
    public DatagramOptions withReusePort(boolean on) {
        return new DatagramOptions(receiveBufferSize, sendBufferSize, broadcast, reuseAddress, on);
    }

    /** The requested {@code SO_RCVBUF} in bytes, or 0 for the system's default. */
    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    /** The requested {@code SO_SNDBUF} in bytes, or 0 for the system's default. */
    public int sendBufferSize() {
        return sendBufferSize;
    }

    /** Whether {@code SO_BROADCAST} is set. */
    public boolean broadcast() {
        return broadcast;
    }

    /** Whether {@code SO_REUSEADDR} is set. */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /** Whether {@code SO_REUSEPORT} is set. */
    public boolean reusePort() {
        return reusePort;
    }

    private static int checkSize(String which, int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the " + which + " buffer size must be at least 1 "
                    + "byte, got " + bytes + " (leave it unset for the system's default)");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "DatagramOptions[receiveBufferSize=" + receiveBufferSize + ", sendBufferSize="
                + sendBufferSize + ", broadcast=" + broadcast + ", reuseAddress=" + reuseAddress
                + ", reusePort=" + reusePort + "]";
    }
}
