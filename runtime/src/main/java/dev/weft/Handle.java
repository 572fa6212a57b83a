package dev.weft;

/**
 * A callback scheduled on an {@link EventLoop}, which can be cancelled before it runs: asyncio's
 * {@code Handle}. {@link EventLoop#callSoon} and {@link EventLoop#callSoonThreadsafe} return one;
 * timers return the subclass {@link TimerHandle}.
 *
 * <p>A handle made on the loop's thread captures the current {@link ContextVar} context and runs
 * its callback in it; one made on another thread runs in the empty context.
 *
 * <p>Running a cancelled handle does nothing. Cancelling drops the reference to the callback at
 * once, so a cancelled handle does not keep the callback's captured state alive.
 *
 * <p>Threading: {@link #cancel()} of a plain handle may be called from any thread; it then races
 * with the loop, and a callback the loop has already started still runs to its end.
 * {@link TimerHandle#cancel()} must be called on the loop's thread. {@link #cancelled()} may be
 * read from any thread.
 */
public class Handle implements Runnable {
    final EventLoop loop;
    private Object callback;
    private volatile boolean cancelled;
    /** The context the callback runs in: the one current where the handle was made. */
    private final Context context;

    /**
     * Wraps {@code callback}, a {@link Runnable} or a {@link Task} (whose step is run).
     */
    Handle(EventLoop loop, Object callback) {
        this.loop = loop;
        this.callback = callback;
        this.context = loop.inOwnerThread() ? loop.context : Context.EMPTY;
    }

    /**
     * Cancels the callback: if it has not run yet, it never will. Cancelling twice, or after the
     * callback ran, does nothing.
     */
    public void cancel() {
        cancelled = true;
        callback = null;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Runs the callback unless the handle is cancelled; the loop calls this. Exceptions of the
     * callback propagate to the caller (the loop reports them).
     */
    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        Object cb = callback;
        if (cb != null) { // null only if a cancel() on another thread raced with this run
            Context outer = loop.context;
            loop.context = context;
            try {
                EventLoop.dispatch(cb);
            } finally {
                loop.context = outer;
            }
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + describe() + ">";
    }

    /** The callback's description, or "cancelled"; shared with {@link TimerHandle#toString()}. */
    String describe() {
        Object cb = callback;
        return cancelled || cb == null ? "cancelled" : String.valueOf(cb);
    }
}
