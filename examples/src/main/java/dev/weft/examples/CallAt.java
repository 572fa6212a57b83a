package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Instant;

/**
 * Schedules callbacks at a point in time with {@link EventLoop#callAt(long, Runnable)}. The
 * deadline is read from the loop's own monotonic clock ({@link EventLoop#nanoTime()}), never from
 * the wall clock: the loop's time and the wall-clock time printed at the start differ.
 *
 * <p>Python's {@code loop.call_at(now + 0.2, ...)} takes seconds; weft's {@code callAt} takes a
 * deadline in nanoseconds, so {@code now} is read with {@code nanoTime()} and printed in seconds,
 * as {@link EventLoop#time()} would return it. The coroutine sleeps one second so that all three
 * callbacks run before the loop stops.
 *
 * <p>Mirrors seed 001, section 1.3.3 ("在指定时间内调度一个回调"); prints what the Python program
 * prints, with the times formatted as Python formats floats (the times themselves differ from
 * run to run).
 */
public final class CallAt {
    private CallAt() {
    }

    static void callback(int n, EventLoop loop) {
        System.out.println("callback " + n + " invoked at " + Repr.ofFloat(loop.time()));
    }

    /** Python's {@code time.time()}: wall-clock seconds since the epoch, as a float. */
    static double clockTime() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        long now = loop.nanoTime();
        System.out.println("clock time: " + Repr.ofFloat(clockTime()));
        // The same reading in seconds: what loop.time() returned at that instant.
        System.out.println("loop  time: " + Repr.ofFloat(now / 1e9));

        System.out.println("registering callbacks");
        loop.callAt(now + 200_000_000L, () -> callback(1, loop));
        loop.callAt(now + 100_000_000L, () -> callback(2, loop));
        loop.callSoon(() -> callback(3, loop));

        Weft.await(Weft.sleep(1000));
        return Weft.done();
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            System.out.println("entering event loop");
            eventLoop.runUntilComplete(main(eventLoop));
        } finally {
            System.out.println("closing event loop");
            eventLoop.close();
        }
    }
}
