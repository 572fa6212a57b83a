package dev.weft;

import dev.weft.internal.Awaitable;
import dev.weft.internal.Deadlines;
import dev.weft.internal.Frame;

/**
 * The coroutine {@link Weft#sleep(long)} returns: suspends the awaiting task for a delay on its
 * loop's clock, or for exactly one loop iteration when the delay is zero.
 *
 * <p>Immutable. Unlike a woven coroutine it may be awaited more than once; each await sleeps
 * anew. A sleeping task wakes through a timer whose callback is the task itself, so a sleep
 * allocates only the timer entry (and a zero sleep allocates nothing).
 */
final class Sleep implements Coroutine<Void>, Awaitable {
    static final Sleep YIELD = new Sleep(0);

    private final long nanos;

    private Sleep(long nanos) {
        this.nanos = nanos;
    }

    static Sleep of(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("sleep delay must not be negative: " + nanos + " ns");
        }
        return nanos == 0 ? YIELD : new Sleep(nanos);
    }

    @Override
    public Object awaitFrom(Frame caller) {
        Task<?> task = Task.running(caller);
        if (nanos == 0) {
            task.yieldOnce(caller);
        } else {
            EventLoop loop = task.getLoop();
            task.sleepUntil(caller, Deadlines.after(loop.nanoTime(), nanos));
        }
        return Frame.SUSPENDED;
    }

    @Override
    public String toString() {
        return "Weft.sleep(" + (nanos / 1_000_000) + " ms)";
    }
}
