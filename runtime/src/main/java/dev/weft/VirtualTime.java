package dev.weft;

import dev.weft.internal.Awaitable;
import dev.weft.internal.Deadlines;
import dev.weft.internal.Frame;
import java.time.Duration;
import java.util.Objects;

/**
 * Moving a loop's virtual time from its own tasks, as kotlinx-coroutines-test's
 * {@code TestCoroutineScheduler} does: {@link #advanceBy} and {@link #runUntilIdle}, awaited in a
 * task of a loop created on {@link Clock#virtual()}.
 *
 * <p>Threading: the coroutines must be awaited on the loop's thread, in one of its tasks. A
 * ready callback that keeps rescheduling itself (a task looping over {@code sleep(0)}) keeps the
 * loop busy, so neither returns while it runs; a timer that always reschedules itself keeps
 * {@code runUntilIdle} from returning.
 */
public final class VirtualTime {
    /*
     * Implementation overview. Both return a coroutine that suspends its caller on a future and
     * schedules a check. The check completes the future only when nothing else is left to do in the
     * window: no ready callback and no timer due by the target time. While callbacks are ready it
     * runs again after them (next iteration); while a timer is due by the target it is rescheduled at
     * that timer's deadline, where it runs after the timers already there, so the loop's own jump
     * to the next deadline moves the clock. At the end advanceBy waits in a timer at its
     * target, so the clock gets there even when no other timer stood there. Waiting for I/O or for other threads does not count as work:
     * a task waiting on a socket is idle here.
     */

    private static final long UNBOUNDED = Long.MAX_VALUE;

    private VirtualTime() {
    }

    /**
     * A coroutine that moves the running loop's virtual clock forward by {@code delta}, running
     * every callback and task due up to the new time (and what those schedule within it), then
     * resumes the awaiting task at exactly {@code now + delta}. Timers due at exactly the new
     * time run too, before the caller resumes (kotlinx's {@code advanceTimeBy} stops just before
     * them and leaves them to {@code runCurrent}); here a test that advances to a deadline sees
     * what happened at it.
     *
     * @throws IllegalArgumentException if {@code delta} is negative: virtual time only moves forward
     * @throws NullPointerException if {@code delta} is null
     */
    public static Coroutine<Void> advanceBy(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        if (delta.isNegative()) {
            throw new IllegalArgumentException("cannot advance virtual time backwards by " + delta
                    + ": time only moves forward; pass a zero or positive duration");
        }
        return new Wait(Deadlines.saturatedNanos(delta));
    }

    /**
     * A coroutine that runs the running loop until nothing is left to run but the awaiting task:
     * no ready callback and no pending timer (the virtual clock jumps through every timer, so
     * a task sleeping for an hour finishes its sleep here). Tasks waiting for I/O or for other
     * threads stay waiting.
     */
    public static Coroutine<Void> runUntilIdle() {
        return new Wait(UNBOUNDED);
    }

    /** The coroutine of both; immutable, and every await waits anew. */
    private static final class Wait implements Coroutine<Void>, Awaitable {
        private final long deltaNanos;

        Wait(long deltaNanos) {
            this.deltaNanos = deltaNanos;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            EventLoop loop = Task.running(caller).getLoop();
            if (!(loop.clock() instanceof VirtualClock)) {
                throw new IllegalStateException(this + " needs a loop on virtual time "
                        + "(EventLoop.create(Clock.virtual())); this one runs on " + loop.clock());
            }
            long target = deltaNanos == UNBOUNDED ? 0 : Deadlines.after(loop.nanoTime(), deltaNanos);
            Future<Void> idle = loop.createFuture();
            loop.callSoon(new Check(loop, idle, target, deltaNanos == UNBOUNDED));
            return idle.awaitFrom(caller);
        }

        @Override
        public String toString() {
            return deltaNanos == UNBOUNDED ? "VirtualTime.runUntilIdle()"
                    : "VirtualTime.advanceBy(" + Duration.ofNanos(deltaNanos) + ")";
        }
    }

    /** Completes {@code idle} once the window up to {@code target} has nothing left to run. */
    private static final class Check implements Runnable {
        private final EventLoop loop;
        private final Future<Void> idle;
        private final long target;
        private final boolean unbounded;

        Check(EventLoop loop, Future<Void> idle, long target, boolean unbounded) {
            this.loop = loop;
            this.idle = idle;
            this.target = target;
            this.unbounded = unbounded;
        }

        @Override
        public void run() {
            if (idle.done()) {
                return; // the awaiting task was cancelled
            }
            if (loop.hasReadyWork()) {
                loop.callSoon(this);
                return;
            }
            if (loop.hasTimers() && (unbounded || loop.nextDeadline() - target <= 0)) {
                loop.callAt(loop.nextDeadline(), this); // runs after the timers already there
                return;
            }
            if (!unbounded && loop.nanoTime() - target < 0) {
                // Nothing left before the target: a timer there lets the loop's own idle jump
                // move the clock (moving it inside a callback would look, in debug mode, like a
                // callback that ran for the whole advance).
                loop.callAt(target, this);
                return;
            }
            idle.setResult(null);
        }
    }
}
