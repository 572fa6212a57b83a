package dev.weft.net;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.Frame;
import dev.weft.internal.LoopBridge;
import dev.weft.internal.Sneaky;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The reading half of a stream connection: asyncio's {@code StreamReader}.
 *
 * <p>Every read method returns a coroutine to await; it completes at once when the buffered
 * bytes suffice, and otherwise waits for the peer. Only one coroutine may wait for data at a
 * time (as in asyncio): a second one fails with {@link IllegalStateException}. Once the peer has
 * closed its side, reads return what is left and then empty arrays; if the connection failed,
 * reads throw its exception (for example an {@link java.io.IOException} "Connection reset").
 *
 * <p>Memory is bounded by the limit (64 KiB by default): when more than twice the limit is
 * buffered, the transport stops reading until the buffer falls back to the limit, so a peer that
 * sends faster than the application reads is held back by TCP flow control instead of filling the
 * heap. {@link #readUntil} and {@link #readLine} fail with {@link LimitOverrunError} for chunks
 * longer than the limit. Data is received straight into the reader's buffer (it is a
 * {@link BufferedProtocol}'s target), so reading allocates only the arrays it returns.
 *
 * <p>Threading: confined to its loop's thread. Null policy: null arguments are rejected with
 * {@link NullPointerException}; no method returns null (EOF reads return empty arrays).
 */
public final class StreamReader {
    /** The default limit: 64 KiB, as asyncio's {@code _DEFAULT_LIMIT}. */
    public static final int DEFAULT_LIMIT = 64 * 1024;
    static final byte[] NEWLINE = {'\n'};
    /** An attempt's answer when the buffer cannot satisfy the read yet. */
    static final Object NOT_YET = new Object();
    private static final byte[] EMPTY = new byte[0];

    private final EventLoop loop;
    private final int limit;
    private final ByteQueue buffer = new ByteQueue();
    private Transport transport;
    private boolean paused;
    private boolean eof;
    private Throwable exception;
    private Future<Void> waiter;

    /** A reader on {@code loop} with the {@link #DEFAULT_LIMIT}, fed by the caller. */
    public StreamReader(EventLoop loop) {
        this(loop, DEFAULT_LIMIT);
    }

    /**
     * A reader on {@code loop} with the given limit, fed by its protocol or by
     * {@link #feedData}/{@link #feedEof}.
     *
     * @throws IllegalArgumentException if {@code limit <= 0}
     */
    public StreamReader(EventLoop loop, int limit) {
        this.loop = Objects.requireNonNull(loop, "loop");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        this.limit = limit;
    }

    // ---- reads ---------------------------------------------------------------------------

    /**
     * Reads up to {@code n} bytes: whatever is buffered (at most {@code n}) once anything is, or
     * an empty array at EOF. With {@code n < 0}, reads until EOF and returns everything.
     */
    public Coroutine<byte[]> read(int n) {
        return op(ReadOp.READ, n, null);
    }

    /** Reads until EOF and returns all the bytes; the same as {@code read(-1)}. */
    public Coroutine<byte[]> read() {
        return read(-1);
    }

    /**
     * Reads one line, up to and including {@code '\n'}. At EOF it returns the last, unterminated
     * bytes, then empty arrays.
     *
     * @throws LimitOverrunError (at the await) for a line longer than the limit; its bytes are
     *     discarded (up to the separator if it is buffered, else everything buffered) so reading
     *     can continue
     */
    public Coroutine<byte[]> readLine() {
        return op(ReadOp.READ_LINE, 0, NEWLINE);
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @throws IncompleteReadError (at the await) if EOF comes first; it holds the partial bytes
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Coroutine<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size can not be less than zero: " + n);
        }
        return op(ReadOp.READ_EXACTLY, n, null);
    }

    /**
     * Reads up to and including the first occurrence of {@code separator}, which may arrive split
     * across any number of socket reads.
     *
     * @throws IncompleteReadError (at the await) if EOF comes first; it holds every buffered
     *     byte, which are consumed
     * @throws LimitOverrunError (at the await) if the data before the separator exceeds the
     *     limit; the bytes stay buffered
     * @throws IllegalArgumentException if {@code separator} is empty
     */
    public Coroutine<byte[]> readUntil(byte[] separator) {
        Objects.requireNonNull(separator, "separator");
        if (separator.length == 0) {
            throw new IllegalArgumentException("separator should be at least one-byte string");
        }
        return op(ReadOp.READ_UNTIL, 0, separator.clone());
    }

    /** The lines of the stream, for {@code while (Weft.await(lines.hasNext()))}; see there. */
    public AsyncGenerator<byte[]> lines() {
        return new LineIterator(this);
    }

    private Coroutine<byte[]> op(int kind, int count, byte[] separator) {
        @SuppressWarnings("unchecked")
        Coroutine<byte[]> c = (Coroutine<byte[]>) (Coroutine<?>) new ReadOp(this, kind, count,
                separator, null);
        return c;
    }

    /** Whether the peer closed its side and every byte was read. */
    public boolean atEof() {
        return eof && buffer.isEmpty();
    }

    /** The exception the connection failed with, or null. */
    public Throwable exception() {
        return exception;
    }

    /** The limit in bytes. */
    public int limit() {
        return limit;
    }

    /** The number of bytes buffered and not yet read. */
    public int bufferedSize() {
        return buffer.size();
    }

    // ---- feeding ---------------------------------------------------------------------------

    /** Appends {@code data} as if the peer had sent it; wakes a waiting read. */
    public void feedData(byte[] data) {
        Objects.requireNonNull(data, "data");
        checkFeed();
        buffer.append(data, 0, data.length);
        fed();
    }

    /** Marks EOF: no more data will come; wakes a waiting read. */
    public void feedEof() {
        eof = true;
        wake(null);
    }

    /** Fails the reader: pending and later reads throw {@code exc}. */
    public void setException(Throwable exc) {
        exception = Objects.requireNonNull(exc, "exc");
        wake(exc);
    }

    /** The free space of the buffer, for the transport to copy received bytes into. */
    ByteBuffer bufferForFeed(int sizeHint) {
        return buffer.writableView(Math.min(Math.max(sizeHint, 1), DEFAULT_LIMIT));
    }

    /** Takes {@code n} bytes the transport copied into {@link #bufferForFeed}. */
    void commitFeed(int n) {
        buffer.commit(n);
        fed();
    }

    private void checkFeed() {
        LoopBridge.get().checkThread(loop);
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
    }

    private void fed() {
        wake(null);
        if (transport != null && !paused && buffer.size() > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    void setTransport(Transport t) {
        transport = t;
    }

    private void maybeResume() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    // ---- the waiting protocol of ReadOp ----------------------------------------------------

    private void wake(Throwable error) {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.done()) {
                if (error != null) {
                    w.setException(error);
                } else {
                    w.setResult(null);
                }
            }
        }
    }

    /** Suspends {@code op}'s task until data, EOF or an error arrives. */
    Object waitForData(ReadOp op) {
        if (waiter != null) {
            throw new IllegalStateException(op.name() + " called while another coroutine is "
                    + "already waiting for incoming data on this reader");
        }
        if (paused) {
            // The buffer is full and the read still needs more (read to EOF): let more in.
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = loop.createFuture();
        waiter = w;
        return Frame.await(w, op);
    }

    /** Called by a resumed op: its waiter is spent (also when it was cancelled). */
    void waiterDone() {
        Future<Void> w = waiter;
        if (w != null && w.done()) {
            waiter = null;
        }
    }

    /** Performs {@code op} if the buffer allows: its value, {@link #NOT_YET}, or it throws. */
    Object attempt(ReadOp op) {
        if (exception != null) {
            throw Sneaky.<RuntimeException>raise(exception);
        }
        switch (op.kind) {
            case ReadOp.READ:
                return op.count < 0 ? readAll() : readSome(op.count);
            case ReadOp.READ_EXACTLY:
                return takeExactly(op.count);
            case ReadOp.READ_UNTIL:
                return readUntil(op);
            case ReadOp.READ_LINE:
                return readLine(op);
            default:
                Object line = readLine(op);
                return line == NOT_YET ? NOT_YET : op.lines.offer((byte[]) line);
        }
    }

    private Object readAll() {
        return eof ? take(buffer.size()) : NOT_YET;
    }

    private Object readSome(int n) {
        if (n == 0) {
            return EMPTY;
        }
        if (!buffer.isEmpty()) {
            return take(Math.min(n, buffer.size()));
        }
        return eof ? EMPTY : NOT_YET;
    }

    private Object takeExactly(int n) {
        if (buffer.size() >= n) {
            return take(n);
        }
        if (eof) {
            throw new IncompleteReadError(take(buffer.size()), n);
        }
        return NOT_YET;
    }

    private Object readUntil(ReadOp op) {
        byte[] sep = op.separator;
        int at = buffer.indexOf(sep, op.searchFrom);
        if (at >= 0) {
            if (at > limit) {
                throw new LimitOverrunError("Separator is found, but chunk is longer than limit",
                        at);
            }
            return take(at + sep.length);
        }
        op.searchFrom = Math.max(0, buffer.size() + 1 - sep.length);
        if (op.searchFrom > limit) {
            throw new LimitOverrunError("Separator is not found, and chunk exceed the limit",
                    op.searchFrom);
        }
        if (eof) {
            throw new IncompleteReadError(take(buffer.size()), -1);
        }
        return NOT_YET;
    }

    private Object readLine(ReadOp op) {
        try {
            return readUntil(op);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            int sepAt = buffer.indexOf(op.separator, e.consumed());
            buffer.drop(sepAt == e.consumed() ? e.consumed() + op.separator.length
                    : buffer.size());
            op.searchFrom = 0;
            maybeResume();
            throw e;
        }
    }

    private byte[] take(int n) {
        if (n == 0) {
            return EMPTY;
        }
        byte[] out = buffer.take(n);
        maybeResume();
        return out;
    }

    @Override
    public String toString() {
        return "<StreamReader " + buffer.size() + " bytes" + (eof ? " eof" : "")
                + (exception != null ? " exception=" + exception : "")
                + (paused ? " paused" : "") + (waiter != null ? " waiting" : "") + ">";
    }
}
