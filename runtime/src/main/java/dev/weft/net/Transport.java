package dev.weft.net;

import java.net.SocketAddress;
import java.net.SocketOption;

/**
 * One end of a stream connection (TCP or Unix socket), as a {@link Protocol} sees it: asyncio's
 * {@code Transport}.
 *
 * <p>Writes never block: {@link #write} hands the bytes to the transport, which sends what the
 * socket takes and buffers the rest, flushing it as the socket becomes writable. A socket
 * transport batches the writes of one loop iteration: they are copied into its buffer and sent
 * together at the end of the iteration, in one system call (sooner if the buffer passes the
 * high-water mark), so writing many small pieces costs no more system calls than writing one.
 * When the buffer rises above the
 * high-water mark the protocol's {@link Protocol#pauseWriting()} is called, and when it falls
 * back to the low-water mark, {@link Protocol#resumeWriting()}; the defaults are 64 KiB and
 * 16 KiB, as in asyncio.
 *
 * <p>Errors: a write after {@link #close()}, {@link #abort()} or {@link #writeEof()} is a bug in
 * the caller and fails with {@link IllegalStateException}. A write after the connection was lost
 * to the peer or to an error (which the protocol learns from {@code connectionLost}, possibly
 * later) is dropped silently, as in asyncio, so a server broadcasting to many clients is not
 * interrupted by one that went away.
 *
 * <p>Threading: every method must be called on the loop thread of the transport; a call from
 * another thread fails with {@link IllegalStateException}. Null arguments are rejected with
 * {@link NullPointerException}.
 */
public interface Transport {

    /**
     * Writes {@code data}: sends what the socket takes (by the end of this loop iteration) and
     * buffers the rest; the caller may reuse the array as soon as this returns.
     */
    void write(byte[] data);

    /** Writes {@code len} bytes of {@code data} starting at {@code off}. */
    void write(byte[] data, int off, int len);

    /** Writes each array of {@code lines} in order (no separators are added). */
    default void writeLines(Iterable<byte[]> lines) {
        for (byte[] line : lines) {
            write(line);
        }
    }

    /**
     * Shuts down the sending side once the buffered data is flushed (a TCP FIN); the peer reads
     * EOF, and this side can still receive. Idempotent.
     */
    void writeEof();

    /** Whether {@link #writeEof()} is supported: always true for socket transports. */
    boolean canWriteEof();

    /**
     * Closes the connection gracefully: stops reading, flushes the buffered data, then closes
     * the socket and calls {@link Protocol#connectionLost(Exception)} with null. Idempotent.
     */
    void close();

    /**
     * Closes the connection at once, discarding the buffered data; the protocol's
     * {@code connectionLost} follows with null. Idempotent.
     */
    void abort();

    /** Whether {@link #close()} or {@link #abort()} was called or the connection was lost. */
    boolean isClosing();

    /** Stops reading until {@link #resumeReading()}; no-op when already paused or closing. */
    void pauseReading();

    /** Resumes reading after {@link #pauseReading()}; no-op when reading or closing. */
    void resumeReading();

    /** Whether the transport is reading (not paused and not closing). */
    boolean isReading();

    /**
     * The number of bytes buffered for writing, not yet taken by the socket (for a socket
     * transport, including this iteration's writes that the end-of-iteration flush has not sent).
     */
    int getWriteBufferSize();

    /**
     * Sets the write buffer's water marks: {@link Protocol#pauseWriting()} is called when the
     * buffer grows above {@code high} bytes, {@link Protocol#resumeWriting()} when it shrinks to
     * {@code low} or less.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}
     */
    void setWriteBufferLimits(int high, int low);

    /** The high-water mark in bytes. */
    int getWriteBufferHighWater();

    /** The low-water mark in bytes. */
    int getWriteBufferLowWater();

    /**
     * Sets a socket option (asyncio's {@code get_extra_info('socket').setsockopt}), for example
     * {@link java.net.StandardSocketOptions#SO_SNDBUF} to bound what the kernel buffers for a
     * slow peer.
     *
     * @throws UnsupportedOperationException if the socket does not support {@code option}
     * @throws java.io.UncheckedIOException if the socket is closed or rejects the value
     */
    <T> void setOption(SocketOption<T> option, T value);

    /** The value of a socket option; see {@link #setOption}. */
    <T> T getOption(SocketOption<T> option);

    /** The protocol this transport delivers to. */
    Protocol getProtocol();

    /** The peer's address ({@code peername}), or null if the socket has none. */
    SocketAddress remoteAddress();

    /** This end's address ({@code sockname}). */
    SocketAddress localAddress();
}
