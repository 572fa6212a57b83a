package dev.weft.net;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.internal.Frame;
import dev.weft.internal.LoopAccess;
import dev.weft.internal.Sneaky;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reading half of a stream connection: asyncio's {@code StreamReader}.
 *
 * <p>Every read method returns a coroutine to await; it completes at once when the buffered
 * bytes suffice, and otherwise waits for the peer. The coroutine is not a woven frame but a
 * small immutable object that the reader hands out again for the same read ({@code readLine()}
 * always, {@code read(n)}, {@code readExactly(n)} and {@code readUntil(sep)} while {@code n} or
 * {@code sep} stays the same), so it may be awaited any number of times, each await reading
 * anew. Only one coroutine may wait for data at a time (as in asyncio): a read that must wait
 * while another one waits fails with {@link IllegalStateException}, and so does any read once
 * the waiting one has been woken by data and until its task has resumed with it. A waiting read
 * takes its bytes when its task resumes, not when the data arrives: a read cancelled in
 * between leaves every byte buffered. Once the peer has closed its side, reads return what is
 * left and then empty arrays; if the connection failed, reads throw its exception (for example
 * an {@link java.io.IOException} "Connection reset").
 *
 * <p>Memory is bounded by the limit (64 KiB by default): when more than twice the limit is
 * buffered, the transport stops reading until the buffer falls back to the limit, so a peer that
 * sends faster than the application reads is held back by TCP flow control instead of filling the
 * heap. {@link #readUntil} and {@link #readLine} fail with {@link LimitOverrunError} for chunks
 * longer than the limit. Data is received straight into the reader's buffer (it is a
 * {@link BufferedProtocol}'s target), and a waiting read suspends on the reader's one reusable
 * {@link ReadWaiter}, so in steady state reading allocates only the arrays it returns.
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
    /** The read that waits for data, if any; made at the first wait and reused. */
    private ReadWaiter waiter;
    /** Where the waiting read's separator search resumes: the bytes before were searched. */
    private int searchFrom;
    /** The coroutines handed out, handed out again while the same read is asked for. */
    private ReadOp lineOp;
    private ReadOp lastRead;
    private ReadOp lastExactly;
    private ReadOp lastUntil;

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
        if (lastRead == null || lastRead.count != n) {
            lastRead = new ReadOp(this, ReadOp.READ, n, null, null);
        }
        return bytes(lastRead);
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
        if (lineOp == null) {
            lineOp = new ReadOp(this, ReadOp.READ_LINE, 0, NEWLINE, null);
        }
        return bytes(lineOp);
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
        if (lastExactly == null || lastExactly.count != n) {
            lastExactly = new ReadOp(this, ReadOp.READ_EXACTLY, n, null, null);
        }
        return bytes(lastExactly);
    }

    /**
     * Reads up to and including the first occurrence of {@code separator}, which may arrive split
     * across any number of socket reads. The separator is copied: changing the array afterwards
     * does not change the read.
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
        if (lastUntil == null || !Arrays.equals(lastUntil.separator, separator)) {
            lastUntil = new ReadOp(this, ReadOp.READ_UNTIL, 0, separator.clone(), null);
        }
        return bytes(lastUntil);
    }

    /** The lines of the stream, for {@code while (Weft.await(lines.hasNext()))}; see there. */
    public AsyncGenerator<byte[]> lines() {
        return new LineIterator(this);
    }

    @SuppressWarnings("unchecked")
    private static Coroutine<byte[]> bytes(ReadOp op) {
        return (Coroutine<byte[]>) (Coroutine<?>) op;
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
        LoopAccess.get().checkThread(loop);
        eof = true;
        wakeWaiting();
    }

    /** Fails the reader: pending and later reads throw {@code exc}. */
    public void setException(Throwable exc) {
        Objects.requireNonNull(exc, "exc");
        LoopAccess.get().checkThread(loop);
        exception = exc;
        wakeWaiting();
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
        LoopAccess.get().checkThread(loop);
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
    }

    private void fed() {
        wakeWaiting();
        // A read still waiting after this needs more bytes than are buffered (read to EOF, a
        // large readExactly): pausing would starve it, so only the others hold the peer back.
        if (transport != null && !paused && buffer.size() > 2 * limit
                && (waiter == null || !waiter.waiting())) {
            paused = true;
            transport.pauseReading();
        }
    }

    void setTransport(Transport t) {
        transport = t;
    }

    /**
     * The connection's transport changed (startTls): a pause the reader holds moves to the new
     * one, so that the reader's later resume reaches the transport that is paused.
     */
    void replaceTransport(Transport t) {
        transport = t;
        if (paused) {
            t.pauseReading();
        }
    }

    private void maybeResume() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    // ---- performing reads ----------------------------------------------------------------

    /**
     * Performs {@code op} for {@code caller}: its value at once when the buffer allows, or
     * {@link Frame#SUSPENDED} with the caller's task waiting on the {@link ReadWaiter}, which
     * performs the read when the task resumes ({@link #completeWaiting}).
     *
     * @throws IllegalStateException if the read must wait while another one waits (or was woken
     *     and its task has not resumed yet), or if another one was woken by data and its task has
     *     not resumed yet (the buffered bytes are spoken for)
     */
    Object awaitRead(ReadOp op, Frame caller) {
        LoopAccess.get().checkThread(loop); // the buffer and the waiter are the loop thread's
        ReadWaiter w = waiter;
        if (w != null && w.claimsBytes()) {
            throw busy(op);
        }
        Object value = attempt(op, 0);
        if (value != NOT_YET) {
            return value;
        }
        if (loop.isClosed()) {
            throw new IllegalStateException("event loop is closed: " + op.name() + " cannot wait "
                    + "for data on a reader of a closed loop");
        }
        if (w == null) {
            w = new ReadWaiter(loop, this);
            waiter = w;
        } else if (w.op() != null) {
            throw busy(op); // one waits, or its task has not resumed yet
        }
        if (paused) {
            // The buffer is full and the read still needs more (read to EOF): let more in.
            paused = false;
            transport.resumeReading();
        }
        searchFrom = op.searches() ? Math.max(0, buffer.size() + 1 - op.separator.length) : 0;
        return w.suspend(op, caller);
    }

    private IllegalStateException busy(ReadOp op) {
        return new IllegalStateException(op.name() + " called while another coroutine is "
                + "already waiting for incoming data on this reader");
    }

    /** Wakes the waiting read if what arrived lets it complete (with a value or an error). */
    private void wakeWaiting() {
        ReadWaiter w = waiter;
        if (w != null && w.waiting() && canComplete(w.op())) {
            w.wake();
        }
    }

    /**
     * Whether the waiting {@code op} would now complete rather than wait on: the test before
     * its task is woken. Advances {@link #searchFrom} past the bytes searched in vain.
     */
    private boolean canComplete(ReadOp op) {
        if (exception != null || eof) {
            return true; // every read completes at EOF: with the bytes left, or an error
        }
        if (op.searches()) {
            int at = buffer.indexOf(op.separator, searchFrom);
            if (at >= 0) {
                searchFrom = at;
                return true;
            }
            searchFrom = Math.max(0, buffer.size() + 1 - op.separator.length);
            return searchFrom > limit; // a LimitOverrunError
        }
        if (op.kind == ReadOp.READ_EXACTLY) {
            return buffer.size() >= op.count;
        }
        return op.count >= 0 && !buffer.isEmpty();
    }

    /**
     * Performs the woken read {@code op}, as its task resumes: the read's value, or it throws.
     * Only reads that do not wait can run between the wake-up and this, and they leave the
     * bytes alone (see {@link #awaitRead}), so the read completes.
     */
    Object completeWaiting(ReadOp op) {
        Object value = attempt(op, searchFrom);
        if (value == NOT_YET) {
            throw new IllegalStateException(op.name() + " was woken but cannot complete on "
                    + this + "; this is a weft bug, please report it");
        }
        return value;
    }

    /**
     * Performs {@code op} if the buffer allows: its value, {@link #NOT_YET}, or it throws.
     *
     * @param from where a separator search starts: the bytes before are known not to hold it
     */
    private Object attempt(ReadOp op, int from) {
        if (op.lines != null) {
            Boolean known = op.lines.known();
            if (known != null) {
                return known; // a line not taken with next() yet, or the end of the iteration
            }
        }
        if (exception != null) {
            throw Sneaky.<RuntimeException>raise(exception);
        }
        switch (op.kind) {
            case ReadOp.READ:
                return op.count < 0 ? readAll() : readSome(op.count);
            case ReadOp.READ_EXACTLY:
                return takeExactly(op.count);
            case ReadOp.READ_UNTIL:
                return readUntil(op.separator, from);
            case ReadOp.READ_LINE:
                return readLine(op.separator, from);
            default:
                Object line = readLine(op.separator, from);
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

    private Object readUntil(byte[] sep, int from) {
        int at = buffer.indexOf(sep, from);
        if (at >= 0) {
            if (at > limit) {
                throw new LimitOverrunError("Separator is found, but chunk is longer than limit",
                        at);
            }
            return take(at + sep.length);
        }
        int searched = Math.max(0, buffer.size() + 1 - sep.length);
        if (searched > limit) {
            throw new LimitOverrunError("Separator is not found, and chunk exceed the limit",
                    searched);
        }
        if (eof) {
            throw new IncompleteReadError(take(buffer.size()), -1);
        }
        return NOT_YET;
    }

    private Object readLine(byte[] sep, int from) {
        try {
            return readUntil(sep, from);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            int sepAt = buffer.indexOf(sep, e.consumed());
            int n = sepAt == e.consumed() ? e.consumed() + sep.length : buffer.size();
            buffer.drop(n);
            consumed(n);
            throw e;
        }
    }

    private byte[] take(int n) {
        if (n == 0) {
            return EMPTY;
        }
        byte[] out = buffer.take(n);
        consumed(n);
        return out;
    }

    /** {@code n} bytes left the buffer: a waiting read's search moves with them. */
    private void consumed(int n) {
        searchFrom = Math.max(0, searchFrom - n);
        maybeResume();
    }

    @Override
    public String toString() {
        return "<StreamReader " + buffer.size() + " bytes" + (eof ? " eof" : "")
                + (exception != null ? " exception=" + exception : "")
                + (paused ? " paused" : "")
                + (waiter != null && waiter.op() != null ? " waiting" : "") + ">";
    }
}
