package dev.weft.process;

import dev.weft.EventLoop;
import dev.weft.internal.LoopAccess;
import dev.weft.net.Protocol;
import dev.weft.net.StreamReader;
import dev.weft.net.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The loop's end of a child's stdin pipe: asyncio's {@code _UnixWritePipeTransport}, drained by
 * a pump thread instead of the selector.
 *
 * <p>{@link #close()} / {@link #writeEof()} queue an end marker: the pump flushes what is queued
 * and closes the pipe, and the protocol's {@code connectionLost(null)} follows. A write error (the
 * child closed its stdin, or exited) is a broken pipe: {@code connectionLost} with an
 * {@link IOException} naming the pipe; later writes are dropped and {@code drain()} reports it,
 * as in asyncio. When the child exits ({@link #childExited()}) the pipe is lost with a broken
 * pipe if data was still queued, quietly otherwise.
 *
 * <p>Threading: the {@link Transport} methods must be called on the loop thread;
 * {@link #shutdown()} and {@link #join} on any thread. Null policy: null data is rejected with
 * {@link NullPointerException}.
 */
final class WritePipeTransport implements PipeTransport, PipePump {
    /*
     * Implementation overview. write copies the bytes into a queue of chunks (the
     * transport's write buffer) and never blocks. The pump thread, started at the first write or
     * close, takes one chunk at a time, writes it with a blocking OutputStream.write
     * (flushing when the queue is empty), and posts how many bytes went out back to the loop, which
     * counts them off the buffer. Flow control is the socket transport's: above the high-water mark
     * (64 KiB) the protocol's pauseWriting makes StreamWriter.drain() wait; at or
     * below the low-water mark (16 KiB) resumeWriting releases it. So a child that does not
     * read holds back a writer that drains, and the pump holds one chunk at most.
     */

    /** The end marker in the queue (compared by identity). */
    private static final byte[] END = new byte[0];

    private final EventLoop loop;
    private final Protocol protocol;
    private final OutputStream out;
    private final String name;
    private final long pid;
    private final Runnable onLost;
    /** The stdin protocol's reader: its exception is what the writer's drain() reports. */
    private final StreamReader failures;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopped;
    private volatile Thread pump;
    // Loop thread only.
    private long buffered;
    private int high = 64 * 1024;
    private int low = 16 * 1024;
    private boolean writingPaused;
    private boolean closing;
    private boolean lost;

    /**
     * @param name what messages call the pipe: {@code stdin of 'cat' (pid 12)}
     * @param onLost run on the loop after the protocol's {@code connectionLost}
     * @param failures the reader of {@code protocol}, failed by a write dropped after the loss so
     *     that the next {@code drain()} names this pipe
     */
    WritePipeTransport(EventLoop loop, Protocol protocol, OutputStream out, String name, long pid,
            Runnable onLost, StreamReader failures) {
        this.loop = loop;
        this.protocol = protocol;
        this.out = out;
        this.name = name;
        this.pid = pid;
        this.onLost = onLost;
        this.failures = failures;
    }

    // ---- writing (loop thread) -------------------------------------------------------------

    @Override
    public void write(byte[] data) {
        write(Objects.requireNonNull(data, "data"), 0, data.length);
    }

    /**
     * Queues a copy of the bytes.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #writeEof()}
     */
    @Override
    public void write(byte[] data, int off, int len) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(off, len, data.length);
        LoopAccess.get().checkThread(loop);
        if (closing) {
            throw new IllegalStateException("cannot write to " + name + ": it was closed "
                    + "(close() or writeEof()); write everything before closing stdin");
        }
        if (lost) {
            // The child is gone: dropped (asyncio's too), and the next drain() says why.
            if (failures.exception() == null) {
                failures.setException(brokenPipe(null));
            }
            return;
        }
        if (len == 0) {
            return;
        }
        enqueue(Arrays.copyOfRange(data, off, off + len));
        buffered += len;
        if (!writingPaused && buffered > high) {
            writingPaused = true;
            protocol.pauseWriting();
        }
    }

    private void enqueue(byte[] chunk) {
        queue.add(chunk);
        if (pump == null) {
            pump = PipeThreads.start(pid, "stdin", this::pump);
        }
    }

    private void written(int n) {
        if (lost) {
            return;
        }
        buffered -= n;
        if (writingPaused && buffered <= low) {
            writingPaused = false;
            protocol.resumeWriting();
        }
    }

    /** Closes the pipe once the queued bytes are written: the child reads EOF. Idempotent. */
    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    /** Closes the pipe once the queued bytes are written; see the class comment. Idempotent. */
    @Override
    public void close() {
        LoopAccess.get().checkThread(loop);
        if (closing) {
            return;
        }
        closing = true;
        if (lost) {
            return;
        }
        if (pump == null) {
            closeStream(); // nothing was ever written: no thread needed
            loop.callSoon(() -> lost(null));
        } else {
            queue.add(END);
        }
    }

    /** Closes the pipe at once, dropping what is queued. */
    @Override
    public void abort() {
        LoopAccess.get().checkThread(loop);
        queue.clear();
        buffered = 0;
        close();
    }

    @Override
    public boolean isClosing() {
        return closing || lost;
    }

    /** The child exited: nobody reads the pipe any more (asyncio's reader-side-closed check). */
    void childExited() {
        if (lost) {
            return;
        }
        boolean pending = buffered > 0;
        stopPump();
        if (pump == null) {
            closeStream();
        }
        lost(pending ? brokenPipe(null) : null);
    }

    private void lost(IOException error) {
        if (lost) {
            return;
        }
        lost = true;
        buffered = 0;
        protocol.connectionLost(error);
        onLost.run();
    }

    private IOException brokenPipe(IOException cause) {
        return new IOException("Broken pipe: cannot write to " + name + ": the process closed "
                + "it or exited before reading everything", cause);
    }

    // ---- the pump thread -------------------------------------------------------------------

    private void pump() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == END || stopped) {
                    out.close();
                    post(() -> lost(null));
                    return;
                }
                out.write(chunk);
                if (queue.isEmpty()) {
                    out.flush();
                }
                post(() -> written(chunk.length));
            }
        } catch (IOException e) {
            if (!stopped) {
                post(() -> lost(brokenPipe(e)));
            }
        } catch (InterruptedException e) {
            // shutdown(): end quietly
        } finally {
            closeStream();
        }
    }

    private void post(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
        } catch (IllegalStateException closed) {
            stopped = true;
        }
    }

    private void closeStream() {
        try {
            out.close();
        } catch (IOException e) {
            // the child is gone or the pipe already broke: nothing is left to flush
        }
    }

    private void stopPump() {
        stopped = true;
        queue.clear();
        queue.add(END);
    }

    /** Stops the pump from any thread (the loop is closing). */
    @Override
    public void shutdown() {
        stopPump();
        if (pump == null) {
            closeStream(); // never written to: no thread will close it
        }
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

    // ---- flow control and the rest of Transport ---------------------------------------------

    @Override
    public int getWriteBufferSize() {
        return (int) Math.min(Integer.MAX_VALUE, buffered);
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || low > high) {
            throw new IllegalArgumentException("need 0 <= low <= high, got high=" + high
                    + " low=" + low);
        }
        this.high = high;
        this.low = low;
    }

    @Override
    public int getWriteBufferHighWater() {
        return high;
    }

    @Override
    public int getWriteBufferLowWater() {
        return low;
    }

    private UnsupportedOperationException writeOnly() {
        return new UnsupportedOperationException(name + " is a write pipe: the program writes "
                + "it, it has nothing to read");
    }

    @Override
    public void pauseReading() {
        throw writeOnly();
    }

    @Override
    public void resumeReading() {
        throw writeOnly();
    }

    @Override
    public boolean isReading() {
        return false;
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
        return "<WritePipeTransport " + name + (lost ? " closed" : closing ? " closing" : "")
                + " buffered=" + buffered + ">";
    }
}
