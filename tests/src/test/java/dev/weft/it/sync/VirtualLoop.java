package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a coroutine to completion on a fresh loop on virtual time and closes the loop; exceptions
 * the loop reports are collected instead of printed, and must be none.
 *
 * <p>One instance per test; loop thread only.
 */
final class VirtualLoop {
    final EventLoop loop = EventLoop.create(Clock.virtual());
    /** What the loop's exception handler received: "context | message". */
    final List<String> reports = new ArrayList<>();

    VirtualLoop() {
        loop.setExceptionHandler((context, t) -> reports.add(context + " | " + t));
    }

    /**
     * Runs {@code main}'s coroutine until it completes, closes the loop, and checks that the
     * loop reported no exception.
     */
    <T> T run(Supplier<Coroutine<T>> main) {
        T value;
        try {
            value = loop.runUntilComplete(main.get());
        } finally {
            loop.close();
        }
        assertEquals(List.of(), reports, "exceptions the loop reported");
        return value;
    }

    /** Milliseconds of virtual time since the loop was created (its clock starts at 0). */
    static long nowMillis(EventLoop loop) {
        return Math.round(loop.time() * 1000);
    }
}
