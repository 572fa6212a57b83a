package dev.weft.net;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;

/**
 * A read of a {@link StreamReader} — the coroutine that {@code read}, {@code readLine},
 * {@code readExactly}, {@code readUntil} and a line iterator's {@code hasNext} return.
 *
 * <p>Immutable: only what to read (the kind, the byte count or the separator). Awaiting it asks
 * the reader to perform the read on behalf of the awaiting frame: at once when the buffered bytes
 * allow, or else the task suspends on the reader's one {@link ReadWaiter} and resumes with the
 * result. So a reader hands out the same object for the same read again and again and a read
 * allocates nothing but the array it returns. Unlike a woven coroutine it may be awaited any
 * number of times; each await is a new read.
 *
 * <p>Threading: the loop thread of its reader.
 */
final class ReadOp implements Coroutine<Object>, Awaitable {
    static final int READ = 0;
    static final int READ_EXACTLY = 1;
    static final int READ_UNTIL = 2;
    static final int READ_LINE = 3;
    static final int NEXT_LINE = 4;

    private static final String[] NAMES = {"read", "readExactly", "readUntil", "readLine",
        "lines().hasNext"};

    final StreamReader reader;
    final int kind;
    /** The byte count of {@code read}/{@code readExactly}. */
    final int count;
    /** The separator of {@code readUntil}/{@code readLine}; never changed. */
    final byte[] separator;
    /** The iterator a {@code hasNext} reads for; null otherwise. */
    final LineIterator lines;

    ReadOp(StreamReader reader, int kind, int count, byte[] separator, LineIterator lines) {
        this.reader = reader;
        this.kind = kind;
        this.count = count;
        this.separator = separator;
        this.lines = lines;
    }

    /** Whether this read looks for a separator. */
    boolean searches() {
        return separator != null;
    }

    /** The operation's name, for messages: {@code readLine()}. */
    String name() {
        return NAMES[kind] + "()";
    }

    @Override
    public Object awaitFrom(Frame caller) {
        return reader.awaitRead(this, caller);
    }

    /** Where the read comes from, as a woven coroutine's site reads (a task's repr shows it). */
    @Override
    public String toString() {
        return "dev.weft.net.StreamReader." + NAMES[kind] + "(StreamReader.java)";
    }
}
