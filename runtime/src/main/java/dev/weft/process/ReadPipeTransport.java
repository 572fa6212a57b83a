package dev.weft.process;

import dev.weft.EventLoop;
import dev.weft.internal.LoopAccess;
import dev.weft.net.BufferedProtocol;
import dev.weft.net.Protocol;
import dev.weft.net.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;

/**
 * The loop's end of a child's stdout or stderr pipe: asyncio's {@code _UnixReadPipeTransport},
 * fed by a pump thread instead of the selector.
 *
 * <p>The pump ends at EOF, on a read error, or once {@link #close()} or {@link #shutdown()}
 * stopped it and its current read returns (a blocking pipe read cannot be interrupted without
 * native code: closing the stream from another thread does not wake it on Linux); it closes the
 * stream itself on the way out.
 *
 * <p>Threading: the {@link Transport} methods must be called on the loop thread;
 * {@link #shutdown()} and {@link #join} on any thread. The write side of {@link Transport} is
 * not supported (a read pipe): those methods throw {@link UnsupportedOperationException}.
 */
final class ReadPipeTransport implements PipeTransport, PipePump {
    /*
     * Implementation overview. The pump thread blocks in InputStream.read on one chunk
     * array (4 KiB at first, grown up to 64 KiB, a Linux pipe's capacity, while reads fill it, so
     * a quiet child costs little and a chatty one few hand-offs), posts the count to the loop with
     * callSoonThreadsafe, and then waits for a grant before it touches the array again. On
     * the loop, deliver copies the chunk into the protocol's buffer (the stream reader's)
     * and grants the next read at once — unless the reader paused the transport because it holds
     * more than twice its limit; then the grant waits for resumeReading(). So the pump
     * never holds more than one chunk, the reader never more than its pause threshold plus one
     * chunk, and a child that writes faster than the program reads blocks in its own
     * write, as with a selector-driven pipe. The semaphore's release/acquire orders the
     * array's hand-over between the two threads. EOF becomes eofReceived then
     * connectionLost(null); a read error, connectionLost(e).
     */

    /** The largest chunk: a Linux pipe's capacity. */
    static final int CHUNK = 64 * 1024;
    /** The first chunk: most children print little, and many children run at once. */
    static final int FIRST_CHUNK = 4 * 1024;

    private final EventLoop loop;
    private final BufferedProtocol protocol;
    private final InputStream in;
    private final String name;
    private final Runnable onLost;
    /** The pump's array; handed to the loop with each delivery, and back with the grant. */
    private byte[] chunk = new byte[FIRST_CHUNK];
    /** Permits the pump's next read; released by the loop after it has copied a chunk. */
    private final Semaphore grant = new Semaphore(0);
    private volatile boolean stopped;
    private Thread pump;
    // Loop thread only.
    private boolean paused;
    private boolean holding;
    private boolean closing;
    private boolean lost;

    /**
     * @param name what messages call the pipe: {@code stdout of 'ls /zzz' (pid 12)}
     * @param onLost run on the loop after the protocol's {@code connectionLost}
     */
    ReadPipeTransport(EventLoop loop, BufferedProtocol protocol, InputStream in, String name,
            Runnable onLost) {
        this.loop = loop;
        this.protocol = protocol;
        this.in = in;
        this.name = name;
        this.onLost = onLost;
    }

    /** Starts the pump thread; once. */
    void start(long pid, String stream) {
        pump = PipeThreads.start(pid, stream, this::pump);
    }

    // ---- the pump thread -------------------------------------------------------------------

    private void pump() {
        try {
            while (!stopped) {
                int n = in.read(chunk);
                if (stopped) {
                    break;
                }
                if (n < 0) {
                    post(this::eof);
                    break;
                }
                if (n > 0) {
                    byte[] full = chunk;
                    if (!post(() -> deliver(full, n))) {
                        break;
                    }
                    grant.acquire();
                    if (n == full.length && full.length < CHUNK) {
                        chunk = new byte[full.length * 4]; // the child writes a lot: read more
                    }
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                post(() -> lose(new IOException("cannot read " + name + ": " + e.getMessage(), e)));
            }
        } catch (InterruptedException e) {
            // shutdown() on a loop that is gone: end quietly
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // nothing reads this pipe any more; a failed close leaves nothing to undo
            }
        }
    }

    /** Posts {@code r} to the loop; false (and stopped) if the loop has closed. */
    private boolean post(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (IllegalStateException closed) {
            stopped = true;
            return false;
        }
    }

    // ---- the loop thread -------------------------------------------------------------------

    private void deliver(byte[] data, int n) {
        if (stopped || lost) {
            return;
        }
        int off = 0;
        while (off < n) {
            ByteBuffer target = protocol.getBuffer(n - off);
            int k = Math.min(target.remaining(), n - off);
            target.put(data, off, k);
            off += k;
            protocol.bufferUpdated(k); // may pause us: the reader is full
        }
        if (paused) {
            holding = true;
        } else {
            grant.release();
        }
    }

    private void eof() {
        if (lost) {
            return;
        }
        lost = true;
        protocol.eofReceived();
        protocol.connectionLost(null);
        onLost.run();
    }

    private void lose(Exception e) {
        if (lost) {
            return;
        }
        lost = true;
        protocol.connectionLost(e);
        onLost.run();
    }

    @Override
    public void pauseReading() {
        LoopAccess.get().checkThread(loop);
        if (!closing && !lost) {
            paused = true;
        }
    }

    @Override
    public void resumeReading() {
        LoopAccess.get().checkThread(loop);
        if (!paused) {
            return;
        }
        paused = false;
        if (holding) {
            holding = false;
            grant.release();
        }
    }

    @Override
    public boolean isReading() {
        return !paused && !closing && !lost;
    }

    /** Stops reading; the protocol's {@code connectionLost(null)} follows on the next iteration. */
    @Override
    public void close() {
        LoopAccess.get().checkThread(loop);
        if (closing || lost) {
            return;
        }
        closing = true;
        stopped = true;
        grant.release();
        loop.callSoon(this::eof);
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public boolean isClosing() {
        return closing || lost;
    }

    /** Stops the pump from any thread (the loop is closing): it ends once its read returns. */
    @Override
    public void shutdown() {
        stopped = true;
        grant.release();
    }

    /** Waits up to {@code millis} for the pump to end; whether it has. Any thread. */
    @Override
    public boolean join(long millis) throws InterruptedException {
        Thread t = pump;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, millis));
        return !t.isAlive();
    }

    // ---- not a write pipe ------------------------------------------------------------------

    private UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException(name + " is a read pipe: the child writes it, "
                + "the program cannot");
    }

    @Override
    public void write(byte[] data) {
        throw readOnly();
    }

    @Override
    public void write(byte[] data, int off, int len) {
        throw readOnly();
    }

    @Override
    public void writeEof() {
        throw readOnly();
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public int getWriteBufferSize() {
        return 0;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw readOnly();
    }

    @Override
    public int getWriteBufferHighWater() {
        return 0;
    }

    @Override
    public int getWriteBufferLowWater() {
        return 0;
    }

    @Override
    public Protocol getProtocol() {
        return protocol;
    }

    @Override
    public String pipeName() {
        return name;
    }

    @Override
    public String toString() {
        return "<ReadPipeTransport " + name + (lost ? " closed" : closing ? " closing"
                : paused ? " paused" : "") + ">";
    }
}
