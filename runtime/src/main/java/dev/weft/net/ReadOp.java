package dev.weft.net;

import dev.weft.internal.Body;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;

/**
 * One pending read of a {@link StreamReader} — the coroutine that {@code read},
 * {@code readLine}, {@code readExactly}, {@code readUntil} and a line iterator's
 * {@code hasNext} return.
 *
 * <p>A frame written by hand, as the weaver would write it for a loop that tries the read and
 * awaits more data when the buffer cannot satisfy it yet: state 0 is the start, state 1 the
 * point after the await. Awaiting it runs it inline on the awaiting task, so a read that finds
 * its bytes buffered completes without a loop round trip; a read that must wait suspends the
 * task on the reader's waiter future and retries when data, EOF or an error arrives. Like every
 * coroutine object, it runs once.
 *
 * <p>Threading: the loop thread of its reader.
 */
final class ReadOp extends Frame {
    static final int READ = 0;
    static final int READ_EXACTLY = 1;
    static final int READ_UNTIL = 2;
    static final int READ_LINE = 3;
    static final int NEXT_LINE = 4;

    private static final Body BODY = ReadOp::body;
    private static final String[] NAMES = {"read", "readExactly", "readUntil", "readLine",
        "lines().hasNext"};
    private static final MethodInfo[] INFOS = new MethodInfo[NAMES.length];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            INFOS[i] = new MethodInfo(BODY, "dev.weft.net.StreamReader." + NAMES[i]
                    + "(StreamReader.java)", 0, 0);
        }
    }

    final StreamReader reader;
    final int kind;
    /** The byte count of {@code read}/{@code readExactly}. */
    final int count;
    /** The separator of {@code readUntil}/{@code readLine}. */
    final byte[] separator;
    /** The iterator a {@code hasNext} reads for; null otherwise. */
    final LineIterator lines;
    /** Where the next separator search starts: the bytes before were searched already. */
    int searchFrom;

    ReadOp(StreamReader reader, int kind, int count, byte[] separator, LineIterator lines) {
        super(INFOS[kind]);
        this.reader = reader;
        this.kind = kind;
        this.count = count;
        this.separator = separator;
        this.lines = lines;
    }

    /** The operation's name, for messages. */
    String name() {
        return NAMES[kind] + "()";
    }

    private static Object body(Frame frame) {
        ReadOp op = (ReadOp) frame;
        if (op.state == 1) {
            op.reader.waiterDone();
            op.resumed(); // throws the reader's error or a CancelledError
        }
        Object value = op.reader.attempt(op);
        if (value != StreamReader.NOT_YET) {
            return value;
        }
        Object awaited = op.reader.waitForData(op);
        op.state = 1;
        return awaited;
    }
}
