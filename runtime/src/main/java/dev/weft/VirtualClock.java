package dev.weft;

import dev.weft.internal.Deadlines;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that moves only when it is advanced: virtual time for deterministic tests.
 *
 * <p>It starts at 0. Besides explicit {@link #advance(Duration)} calls, an {@link EventLoop}
 * created with this clock never sleeps waiting for a timer: when nothing is ready to run it
 * advances the clock straight to the earliest pending deadline. Ten seconds of timers therefore
 * take microseconds, and their order is exactly the order of their deadlines. The flip side:
 * while a timer is pending, such a loop does not wait for real I/O or for work posted by other
 * threads, so a test that mixes both with timeouts should use {@link Clock#system()}.
 *
 * <p>Threading: safe on any thread (the reading is atomic). Advancing it while a loop on another
 * thread is running is allowed but makes that loop's timing depend on the race.
 */
public final class VirtualClock implements Clock {
    private final AtomicLong now = new AtomicLong();

    VirtualClock() {
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /**
     * Moves the clock forward by {@code delta}.
     *
     * @param delta how far to move; must not be null or negative
     * @throws IllegalArgumentException if {@code delta} is negative (a clock never goes back)
     */
    public void advance(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        if (delta.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + delta);
        }
        long nanos = Deadlines.saturatedNanos(delta);
        now.getAndAdd(nanos);
    }

    /**
     * Moves the clock to {@code deadlineNanos} if that is later than now; the loop's jump to its
     * next timer. Compares by subtraction so the comparison survives counter wrap-around.
     */
    void advanceTo(long deadlineNanos) {
        long current;
        do {
            current = now.get();
            if (deadlineNanos - current <= 0) {
                return;
            }
        } while (!now.compareAndSet(current, deadlineNanos));
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now.get() + " ns]";
    }
}
