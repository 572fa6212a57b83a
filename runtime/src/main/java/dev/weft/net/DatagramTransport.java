package dev.weft.net;

import java.net.SocketAddress;
import java.net.SocketOption;

/**
 * A UDP endpoint, as a {@link DatagramProtocol} sees it: asyncio's {@code DatagramTransport}.
 *
 * <p>Sends never block: a datagram the socket cannot take now is queued and sent when the socket
 * becomes writable; the protocol is paused above 64 KiB of queued data and resumed at 16 KiB.
 * A send after {@link #close()} fails with {@link IllegalStateException}.
 *
 * <p>Threading: every method must be called on the transport's loop thread. Null policy: the
 * data must not be null; see each method for addresses.
 */
public interface DatagramTransport {

    /** Sends {@code data} to the remote address the endpoint is connected to. */
    void sendto(byte[] data);

    /**
     * Sends {@code data} to {@code address}; null means the connected remote address.
     *
     * @throws IllegalArgumentException if {@code address} is null on an unconnected endpoint
     */
    void sendto(byte[] data, SocketAddress address);

    /** Closes the endpoint after sending what is queued; {@code connectionLost(null)} follows. */
    void close();

    /** Closes at once, dropping queued datagrams. */
    void abort();

    /** Whether {@link #close()} or {@link #abort()} was called. */
    boolean isClosing();

    /** The number of bytes of queued datagrams not yet sent. */
    int getWriteBufferSize();

    /**
     * Sets a socket option on the endpoint's socket (for example
     * {@link java.net.StandardSocketOptions#SO_RCVBUF}); options that matter before binding are
     * given up front in {@link DatagramOptions}.
     *
     * @throws java.io.UncheckedIOException if the socket refuses the option or value
     */
    <T> void setOption(SocketOption<T> option, T value);

    /** The current value of a socket option, for example the receive buffer size in effect. */
    <T> T getOption(SocketOption<T> option);

    /** The protocol this endpoint delivers to. */
    DatagramProtocol getProtocol();

    /** The local address ({@code sockname}). */
    SocketAddress localAddress();

    /** The connected remote address, or null for an unconnected endpoint. */
    SocketAddress remoteAddress();
}
