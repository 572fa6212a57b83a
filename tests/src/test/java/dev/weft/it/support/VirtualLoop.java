package dev.weft.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a coroutine to completion on a fresh loop on virtual time and closes the loop; exceptions
 * the loop reports are collected in {@link #reports} instead of printed.
 *
 * <p>Two ways to run: {@link #run} leaves the reports for the test to inspect (or ignore);
 * {@link #runWithoutReports} fails the test if there are any.
 *
 * <p>One instance per test; loop thread only.
 */
public final class VirtualLoop {
    /** The loop, created on the virtual clock; tests that drive it by hand use it directly. */
    public final EventLoop loop = EventLoop.create(Clock.virtual());
    /** What the loop's exception handler received: "context | message". */
    public final List<String> reports = new ArrayList<>();

    public VirtualLoop() {
        loop.setExceptionHandler((context, t) -> reports.add(context + " | " + t));
    }

    /** Runs {@code main}'s coroutine until it completes; the loop is closed afterwards. */
    public <T> T run(Supplier<Coroutine<T>> main) {
        try {
            return loop.runUntilComplete(main.get());
        } finally {
            loop.close();
        }
    }

    /**
     * Runs {@code main}'s coroutine until it completes, closes the loop, and checks that the
     * loop reported no exception.
     */
    public <T> T runWithoutReports(Supplier<Coroutine<T>> main) {
        T value = run(main);
        assertEquals(List.of(), reports, "exceptions the loop reported");
        return value;
    }

    /** Milliseconds of virtual time since the loop was created (its clock starts at 0). */
    public static long nowMillis(EventLoop loop) {
        return Math.round(loop.time() * 1000);
    }
}
