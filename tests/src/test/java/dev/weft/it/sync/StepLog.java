package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordering log for the sync tests, after kotlinx.coroutines' {@code TestBase}: each step says
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

    /** Asserts that {@code n} steps happened in all. */
    void finish(int n) {
        assertEquals(n, names.size(), () -> "wrong number of steps: " + names);
    }

    /** The steps so far, in order. */
    List<String> names() {
        return names;
    }
}
