package dev.weft.net;

import java.net.SocketAddress;

/**
 * The callbacks of a UDP endpoint: asyncio's {@code DatagramProtocol}.
 *
 * <p>{@link #connectionMade} comes once, then any number of {@link #datagramReceived} and
 * {@link #errorReceived}, then exactly one {@link #connectionLost} after the transport is closed.
 * Every method has an empty default. An exception thrown by a callback is reported through the
 * loop's exception handler and closes the endpoint.
 *
 * <p>Threading: every callback runs on the transport's loop thread. Null policy: the transport
 * never passes null, except the exception of {@link #connectionLost}.
 */
public interface DatagramProtocol {

    /** Called once when the endpoint is ready; keep {@code transport} to send and close. */
    default void connectionMade(DatagramTransport transport) {
    }

    /** Called with each datagram received and the address it came from. */
    default void datagramReceived(byte[] data, SocketAddress from) {
    }

    /**
     * Called when a send or receive failed without ending the endpoint, for example an ICMP
     * "port unreachable" reported on a connected endpoint
     * ({@link java.net.PortUnreachableException}).
     */
    default void errorReceived(Exception exc) {
    }

    /** Called exactly once after the endpoint is closed; {@code exc} is null after close(). */
    default void connectionLost(Exception exc) {
    }

    /** Called when the send buffer rose above its high-water mark. */
    default void pauseWriting() {
    }

    /** Called when the send buffer fell to its low-water mark after a pause. */
    default void resumeWriting() {
    }
}
