package dev.weft;

/**
 * The source of an event loop's time: a monotonic nanosecond counter.
 *
 * <p>A loop reads its clock for {@link EventLoop#time()}, {@link EventLoop#nanoTime()} and to
 * decide which timers are due. {@link #system()} follows {@link System#nanoTime()};
 * {@link #virtual()} only moves when told to, or when its loop has nothing to do but wait for a
 * timer, which lets tests run minutes of timers in microseconds and in a reproducible order.
 *
 * <p>Threading: implementations must be safe to read from any thread. A custom implementation
 * is treated like the system clock: the loop blocks in its selector until the clock says the
 * next deadline has passed, so it must advance by itself.
 */
public interface Clock {

    /**
     * The current reading, in nanoseconds, on an arbitrary origin. Only differences between
     * readings are meaningful; readings never decrease.
     */
    long nanoTime();

    /** The clock of {@link System#nanoTime()}, shared; never null. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /**
     * A new virtual clock that starts at 0 and advances only through
     * {@link VirtualClock#advance(java.time.Duration)} or an idle loop jumping to its next
     * deadline; never null.
     */
    static VirtualClock virtual() {
        return new VirtualClock();
    }
}
