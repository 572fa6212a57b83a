package dev.weft.net;

/**
 * The callbacks of a stream connection (TCP or Unix socket): asyncio's {@code Protocol}.
 *
 * <p>A transport calls them in this order: {@link #connectionMade} once, then
 * {@link #dataReceived} any number of times, then at most one {@link #eofReceived} when the peer
 * shuts down its sending side, then {@link #connectionLost} exactly once, whatever ended the
 * connection. {@link #pauseWriting} and {@link #resumeWriting} alternate (each pause followed by
 * at most one resume) as the transport's write buffer crosses its high and low water marks
 * ({@link Transport#setWriteBufferLimits}).
 *
 * <p>Every method has an empty default, so a protocol implements only what it needs. An
 * exception thrown by a callback is reported through the loop's exception handler and aborts the
 * connection (asyncio's "fatal error"), which then ends with {@code connectionLost}.
 *
 * <p>Threading: every callback runs on the transport's loop thread. Null policy: the transport
 * never passes null, except the exception of {@link #connectionLost}.
 */
public interface Protocol {

    /**
     * Called once when the connection is established; keep {@code transport} to write and close.
     */
    default void connectionMade(Transport transport) {
    }

    /**
     * Called with the bytes of each socket read, in order. The array is the protocol's to keep;
     * how the stream is split into calls is arbitrary.
     */
    default void dataReceived(byte[] data) {
    }

    /**
     * Called when the peer has shut down its sending side (a TCP FIN): no more data will come.
     *
     * @return true to keep the connection half-open so this side may still write (then close it
     *     yourself), false to let the transport close itself, which is the default
     */
    default boolean eofReceived() {
        return false;
    }

    /**
     * Called exactly once when the connection is closed.
     *
     * @param exc null after a regular close, EOF or {@link Transport#abort()}; the error that
     *     ended the connection otherwise (for example an {@link java.io.IOException} "Connection
     *     reset")
     */
    default void connectionLost(Exception exc) {
    }

    /** Called when the transport's write buffer rose above its high-water mark: stop writing. */
    default void pauseWriting() {
    }

    /** Called when the write buffer fell to its low-water mark after a pause: write again. */
    default void resumeWriting() {
    }
}
