package dev.weft.it.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordering log for the queue tests, after kotlinx.coroutines' {@code TestBase}: each step says
 * which number it expects to be, and {@link #names()} keeps what happened for a readable failure.
 *
 * <p>Confined to one loop thread, like the code it checks.
 */
final class StepLog {
    private final List<String> names = new ArrayList<>();

    /** Asserts that this is step {@code n} (steps start at 1), and records {@code what}. */
    void expect(int n, String what) {
        names.add(what);
        assertEquals(n, names.size(), () -> "wrong step order: " + names);
    }

    /** The steps so far, in order. */
    List<String> names() {
        return names;
    }
}
