package dev.weft.net;

import dev.weft.CancelledError;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.Frame;
import dev.weft.internal.FutureAccess;
import dev.weft.internal.WaitDescription;

/**
 * The read of a {@link StreamReader} that waits for data: the future its task suspends on, one
 * per reader, reused for every wait, so waiting allocates nothing.
 *
 * <p>Cancellation reaches the waiter because a task cancels the future it is suspended on. This
 * class overrides {@link #cancel(String)}: whether the read still waits or was already woken, it
 * is marked cancelled and {@link #take()} throws the {@link CancelledError} instead of reading,
 * so the buffered bytes stay for the next read. It always reports a successful cancel, so the
 * task always resumes through {@link #take()} and the waiter is always freed, even when the task
 * is cancelled twice or its cancellation withdrawn before it runs (then it still gets the
 * {@code CancelledError}, as for any future cancelled under it).
 *
 * <p>The waiter is never handed to application code: only the waiting task calls
 * {@code cancel}, and only its resumption takes the outcome. Threading: the reader's loop
 * thread.
 */
final class ReadWaiter extends Future<Object> implements FutureAccess.Source, WaitDescription {
    /*
     * Implementation overview. A read that the buffer cannot satisfy is suspended here: the waiter records the ReadOp and the awaiting frame, and the task
     * waits on this future. When data, EOF or an error makes the read able to complete, the reader
     * wakes it: the future completes deferred
     * (FutureAccess.completeDeferred), which schedules the task but computes nothing yet. The
     * read itself runs in take(), when the task resumes and takes the future's outcome: the
     * reader performs it then and the task continues with its bytes (or its
     * LimitOverrunError, IncompleteReadError, connection error). Bytes therefore
     * leave the buffer only for a task that goes on running — asyncio's protocol, where the read
     * coroutine consumes the buffer after its wake-up. take() also makes the future pending
     * again, ready for the next wait.
     */

    private static final FutureAccess HOOKS = FutureAccess.get();

    private final StreamReader reader;
    /** The read that waits, from its suspension until its task resumes; null otherwise. */
    private ReadOp op;
    /** The frame awaiting {@link #op}. */
    private Frame caller;
    private boolean woken;
    private boolean cancelled;
    private String cancelMessage;

    ReadWaiter(EventLoop loop, StreamReader reader) {
        super(loop);
        this.reader = reader;
    }

    /** The read that waits or was woken and has not resumed yet; null if none. */
    ReadOp op() {
        return op;
    }

    /** Whether a read waits for data (and has not been woken yet). */
    boolean waiting() {
        return op != null && !woken;
    }

    /**
     * Whether a read was woken by data and its task has not resumed yet: the bytes it will take
     * are spoken for. Not so for a cancelled read, which takes nothing.
     */
    boolean claimsBytes() {
        return op != null && woken && !cancelled;
    }

    /** Suspends {@code caller}'s task until {@link #wake} or a cancellation; answers SUSPENDED. */
    Object suspend(ReadOp read, Frame awaiting) {
        op = read;
        caller = awaiting;
        return awaitFrom(awaiting); // pending: registers the task and answers SUSPENDED
    }

    /** Schedules the waiting task; it performs its read when it resumes. */
    void wake() {
        woken = true;
        HOOKS.completeDeferred(this, this);
    }

    /** Called by the waiting task when it is cancelled; see the class comment. */
    @Override
    public boolean cancel(String msg) {
        if (op == null) {
            return false; // nothing waits (cannot happen: only the waiting task cancels this)
        }
        cancelled = true;
        cancelMessage = msg;
        if (!woken) {
            wake();
        }
        return true;
    }

    /** The waiting task resumes: frees the waiter, then reads (or throws its cancellation). */
    @Override
    public Object take() {
        ReadOp read = op;
        boolean wasCancelled = cancelled;
        String msg = cancelMessage;
        op = null;
        caller = null;
        woken = false;
        cancelled = false;
        cancelMessage = null;
        HOOKS.reset(this);
        // A read error reaches the awaiting frame through the task's step, which adds that frame
        // (not on the Java stack) to the error's trace: see AsyncStackTrace.delivered.
        if (wasCancelled) {
            throw new CancelledError(msg);
        }
        return reader.completeWaiting(read);
    }

    /** For task dumps: {@code StreamReader.readLine() on <StreamReader 0 bytes waiting>}. */
    @Override
    public String describeWait() {
        ReadOp read = op;
        String what = read == null ? "read()" : read.name();
        return "StreamReader." + what + " on " + reader;
    }

    @Override
    public String toString() {
        return "<ReadWaiter " + (op == null ? "idle" : (woken ? "woken " : "waiting ")
                + op.name() + (cancelled ? " cancelled" : "")) + ">";
    }
}
