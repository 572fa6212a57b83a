package dev.weft;

import java.util.Arrays;

/**
 * The flushes a loop runs once at the end of each iteration, after the ready batch and before
 * the next poll: how transports batch their writes, so that however many writes a connection
 * gets in one iteration, the socket sees one system call.
 *
 * <p>A transport {@linkplain #add adds} its flush the first time it is written to in an
 * iteration (it keeps a flag so that it adds itself once); {@link #runAll} runs each flush once,
 * in the order they were added, and empties the list. A flush that adds a flush (a
 * {@code resumeWriting} that writes to another connection) is run in the same pass; that is
 * bounded, because a flush adds nothing unless a protocol callback writes, and a transport's
 * pause and resume callbacks alternate only as its socket refuses and takes bytes. The array is
 * reused, so an iteration with flushes allocates nothing once it has grown to the loop's number
 * of busy connections. An exception escaping a flush is reported through the loop, and the
 * others still run.
 *
 * <p>Threading: the loop's thread only. Null flushes are rejected with
 * {@link NullPointerException}.
 */
final class WriteFlushes {
    private final EventLoop loop;
    private Runnable[] flushes = new Runnable[16];
    private int count;

    WriteFlushes(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code flush} at the end of the current iteration (of the next, if none runs). */
    void add(Runnable flush) {
        if (flush == null) {
            throw new NullPointerException("flush");
        }
        if (count == flushes.length) {
            flushes = Arrays.copyOf(flushes, count * 2);
        }
        flushes[count++] = flush;
    }

    /** Runs every added flush once, those added meanwhile included, and empties the list. */
    void runAll() {
        for (int i = 0; i < count; i++) {
            Runnable flush = flushes[i];
            flushes[i] = null;
            try {
                flush.run();
            } catch (Throwable t) {
                loop.reportException("Exception in write flush " + flush, t, flush);
            }
        }
        count = 0;
    }

    /** Whether no flush is waiting. */
    boolean isEmpty() {
        return count == 0;
    }
}
