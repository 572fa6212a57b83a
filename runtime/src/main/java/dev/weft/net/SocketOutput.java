package dev.weft.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * The outgoing byte path of a {@link SocketTransport}: the bytes written and not yet taken by the
 * socket, how they are flushed, and the water marks that decide when the protocol must pause.
 *
 * <p>Implementation overview. Writes are batched per loop iteration: {@link #append} only copies
 * the caller's bytes into one contiguous {@link ByteQueue} (the copy is needed anyway, since the
 * caller may reuse its array as soon as {@code write} returns), and the transport calls
 * {@link #flush} once at the end of the iteration, so N writes in one iteration cost one
 * {@code write(2)} of up to {@link dev.weft.EventLoop}'s 64 KiB I/O buffer instead of N. That is
 * the gathering a {@code writev} of N buffers would do, done by the copy into the queue. A flush
 * goes through the loop's reusable direct buffer, never a per-write {@code ByteBuffer.wrap} or a
 * JDK temporary buffer, so writing allocates nothing once the queue has grown to the traffic.
 *
 * <p>When the socket takes less than it was offered the output is {@linkplain #blocked blocked}:
 * the transport then waits for write readiness instead of trying again every iteration, and
 * appends only queue until the socket is writable again.
 *
 * <p>This class only moves bytes, counts its system calls ({@link #writeCalls}, the test seam
 * that shows batching without timing anything) and reports I/O errors to its caller; closing,
 * scheduling and protocol callbacks stay in the transport.
 *
 * <p>Threading: the transport's loop thread. Null arguments are rejected with
 * {@link NullPointerException}.
 */
final class SocketOutput {
    private final GatheringByteChannel channel;
    private final ByteQueue pending = new ByteQueue();
    private int highWater = SocketTransport.DEFAULT_HIGH_WATER;
    private int lowWater = SocketTransport.DEFAULT_LOW_WATER;
    /** The last flush left bytes the socket refused: wait for write readiness. */
    private boolean blocked;
    private long writeCalls;

    /** An output to {@code channel} (a {@code SocketChannel}; anything gathering in tests). */
    SocketOutput(GatheringByteChannel channel) {
        this.channel = channel;
    }

    /** Queues {@code len} bytes of {@code data} from {@code off} for the next {@link #flush}. */
    void append(byte[] data, int off, int len) {
        pending.append(data, off, len);
    }

    /**
     * Writes queued bytes until the queue is empty or the socket takes no more: one system call
     * per {@code io.capacity()} bytes while the socket takes everything offered.
     *
     * @param io the loop's direct buffer; its content is overwritten
     * @return whether the queue is now empty
     */
    boolean flush(ByteBuffer io) throws IOException {
        blocked = false;
        while (!pending.isEmpty()) {
            io.clear();
            pending.peekInto(io);
            io.flip();
            int chunk = io.remaining();
            writeCalls++;
            int n = channel.write(io);
            pending.drop(n);
            if (n < chunk) {
                blocked = true;
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the socket refused part of the last flush and no flush has succeeded since: the
     * transport must wait for write readiness, and a flush now would be a wasted system call.
     */
    boolean blocked() {
        return blocked;
    }

    /** The number of {@code write} system calls made so far: the test seam for batching. */
    long writeCalls() {
        return writeCalls;
    }

    /** The number of queued bytes. */
    int size() {
        return pending.size();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Drops everything queued (abort, fatal error). */
    void clear() {
        pending.clear();
        blocked = false;
    }

    boolean aboveHighWater() {
        return pending.size() > highWater;
    }

    boolean atOrBelowLowWater() {
        return pending.size() <= lowWater;
    }

    void setLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("write buffer limits must satisfy 0 <= low <= high,"
                    + " got high=" + high + " low=" + low);
        }
        highWater = high;
        lowWater = low;
    }

    int highWater() {
        return highWater;
    }

    int lowWater() {
        return lowWater;
    }
}
