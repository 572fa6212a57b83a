package dev.weft.net;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.GeneratorState;
import dev.weft.internal.Frame;
import java.util.NoSuchElementException;

/**
 * The lines of a {@link StreamReader} as an {@link AsyncGenerator}: asyncio's
 * {@code async for line in reader}. Each {@code hasNext()} reads one line (as
 * {@link StreamReader#readLine()}, separator included) and answers false at EOF:
 * <pre>{@code
 * AsyncGenerator<byte[]> lines = reader.lines();
 * while (Weft.await(lines.hasNext())) {
 *     byte[] line = lines.next();
 * }
 * }</pre>
 *
 * <p>Closing it ({@link #close()}, {@link #aclose()}) only stops the iteration; the reader stays
 * usable. Each line allocates only its array: a {@code hasNext()} that must read returns the
 * iterator's one reusable read. Threading: the reader's loop thread.
 */
final class LineIterator implements AsyncGenerator<byte[]> {
    @SuppressWarnings("unchecked")
    private static final Coroutine<Boolean> TRUE = (Coroutine<Boolean>) (Coroutine<?>)
            Frame.completed(Boolean.TRUE);
    @SuppressWarnings("unchecked")
    private static final Coroutine<Boolean> FALSE = (Coroutine<Boolean>) (Coroutine<?>)
            Frame.completed(Boolean.FALSE);
    @SuppressWarnings("unchecked")
    private static final Coroutine<Void> CLOSED = (Coroutine<Void>) (Coroutine<?>)
            Frame.completed(null);

    /** What every {@link #hasNext()} that must read returns: one reusable read. */
    private final ReadOp nextLine;
    private byte[] current;
    private boolean started;
    private boolean finished;

    LineIterator(StreamReader reader) {
        this.nextLine = new ReadOp(reader, ReadOp.NEXT_LINE, 0, StreamReader.NEWLINE, this);
    }

    @Override
    public Coroutine<Boolean> hasNext() {
        if (finished) {
            return FALSE;
        }
        if (current != null) {
            return TRUE;
        }
        started = true;
        @SuppressWarnings("unchecked")
        Coroutine<Boolean> read = (Coroutine<Boolean>) (Coroutine<?>) nextLine;
        return read;
    }

    /**
     * What a {@code hasNext()} read answers without reading, checked each time it is awaited:
     * true while a line waits for {@link #next()}, false once the iteration ended, else null
     * (read a line). So awaiting the same {@code hasNext()} twice never loses a line.
     */
    Boolean known() {
        return finished ? Boolean.FALSE : current != null ? Boolean.TRUE : null;
    }

    /** Called by the read: stores the line, or ends the iteration on an empty read (EOF). */
    Boolean offer(byte[] line) {
        if (line.length == 0) {
            finished = true;
            return Boolean.FALSE;
        }
        current = line;
        return Boolean.TRUE;
    }

    @Override
    public byte[] next() {
        byte[] line = current;
        if (line == null) {
            throw new NoSuchElementException("no line: await hasNext() first and call next() "
                    + "only when it answered true");
        }
        current = null;
        return line;
    }

    @Override
    public Coroutine<Void> aclose() {
        close();
        return CLOSED;
    }

    @Override
    public void close() {
        finished = true;
        current = null;
    }

    @Override
    public GeneratorState state() {
        return finished ? GeneratorState.CLOSED
                : started ? GeneratorState.SUSPENDED : GeneratorState.CREATED;
    }
}
