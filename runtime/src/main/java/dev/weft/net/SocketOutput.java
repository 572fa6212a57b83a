package dev.weft.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The outgoing byte path of a {@link SocketTransport}: what the socket has not taken yet, how it
 * is written, and the water marks that decide when the protocol must pause.
 *
 * <p>Bytes are written through the loop's reusable direct buffer, never through a per-write
 * {@code ByteBuffer.wrap}, so writing allocates nothing: {@link #send} writes straight from the
 * caller's array while nothing is queued, and only the part the socket refuses is copied into
 * the {@link ByteQueue}, which {@link #flush} drains on write readiness. This class only moves
 * bytes and reports I/O errors to its caller; closing and protocol callbacks stay in the
 * transport.
 *
 * <p>Threading: the transport's loop thread.
 */
final class SocketOutput {
    private final SocketChannel channel;
    private final ByteQueue pending = new ByteQueue();
    private int highWater = SocketTransport.DEFAULT_HIGH_WATER;
    private int lowWater = SocketTransport.DEFAULT_LOW_WATER;

    SocketOutput(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Writes {@code len} bytes of {@code data}: straight to the socket while nothing is queued,
     * the rest queued.
     *
     * @param io the loop's direct buffer
     */
    void send(byte[] data, int off, int len, ByteBuffer io) throws IOException {
        if (pending.isEmpty()) {
            int sent = writeDirect(data, off, len, io);
            off += sent;
            len -= sent;
        }
        if (len > 0) {
            pending.append(data, off, len);
        }
    }

    private int writeDirect(byte[] data, int off, int len, ByteBuffer io) throws IOException {
        int total = 0;
        while (total < len) {
            io.clear();
            int chunk = Math.min(io.capacity(), len - total);
            io.put(data, off + total, chunk);
            io.flip();
            int n = channel.write(io);
            total += n;
            if (n < chunk) {
                break;
            }
        }
        return total;
    }

    /** Writes queued bytes until the queue is empty or the socket takes no more. */
    void flush(ByteBuffer io) throws IOException {
        while (!pending.isEmpty()) {
            io.clear();
            pending.peekInto(io);
            io.flip();
            int chunk = io.remaining();
            int n = channel.write(io);
            pending.drop(n);
            if (n < chunk) {
                return;
            }
        }
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
