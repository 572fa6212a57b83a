package dev.weft.net;

import java.nio.ByteBuffer;

/**
 * A {@link Protocol} that receives data into its own buffer instead of a fresh array per read:
 * asyncio's {@code BufferedProtocol}. The transport asks for a buffer with {@link #getBuffer},
 * copies received bytes into it and reports how many with {@link #bufferUpdated}; it never calls
 * {@link #dataReceived}. This is how a stream reader keeps reading free of allocation.
 *
 * <p>Threading and null policy as for {@link Protocol}.
 */
public interface BufferedProtocol extends Protocol {

    /**
     * A buffer to receive data into, positioned where data should go; the transport writes up
     * to {@code remaining()} bytes at its position and then calls {@link #bufferUpdated}.
     *
     * @param sizeHint how many bytes the transport has to deliver (a hint: less space is fine,
     *     the transport then asks again)
     * @return a buffer with at least one byte remaining
     */
    ByteBuffer getBuffer(int sizeHint);

    /** Called after {@code nbytes} bytes were written into the last {@link #getBuffer} buffer. */
    void bufferUpdated(int nbytes);
}
