package dev.weft;

/**
 * A callback scheduled to run at a deadline on its loop's clock: asyncio's {@code TimerHandle}.
 * {@link EventLoop#callLater} and {@link EventLoop#callAt} return one.
 *
 * <p>Cancelling a timer removes it from the loop's timer queue at once, in O(log n).
 *
 * <p>Threading: {@link #cancel()} must be called on the loop's thread; the getters may be called
 * from any thread.
 */
public final class TimerHandle extends Handle {
    final long deadlineNanos;
    /** This timer's index in its queue's heap, or -1 when it is not queued. */
    int index = -1;
    /** The queue this timer was added to. */
    TimerQueue queue;

    TimerHandle(EventLoop loop, Object callback, long deadlineNanos) {
        super(loop, callback);
        this.deadlineNanos = deadlineNanos;
    }

    /** The deadline in loop time: seconds on the scale of {@link EventLoop#time()}. */
    public double when() {
        return deadlineNanos / 1e9;
    }

    /** The deadline on the scale of the loop's {@link EventLoop#nanoTime()}. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Cancels the timer: if it has not run yet, it never will.
     *
     * @throws IllegalStateException if called from a thread other than the loop's
     */
    @Override
    public void cancel() {
        loop.checkThread();
        if (cancelled()) {
            return;
        }
        super.cancel();
        TimerQueue q = queue;
        if (q != null) {
            q.remove(this);
        }
    }

    @Override
    String describe() {
        return "when=" + when() + " " + super.describe();
    }
}
