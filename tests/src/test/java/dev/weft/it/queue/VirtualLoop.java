package dev.weft.it.queue;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a coroutine to completion on a fresh loop on virtual time and closes the loop; exceptions
 * the loop reports are collected instead of printed.
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

    /** Runs {@code main}'s coroutine until it completes; the loop is closed afterwards. */
    <T> T run(Supplier<Coroutine<T>> main) {
        try {
            return loop.runUntilComplete(main.get());
        } finally {
            loop.close();
        }
    }

    /** Milliseconds of virtual time since the loop was created (its clock starts at 0). */
    static long nowMillis(EventLoop loop) {
        return Math.round(loop.time() * 1000);
    }
}
