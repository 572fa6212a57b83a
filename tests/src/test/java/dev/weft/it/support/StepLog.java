package dev.weft.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordering log for tests, after kotlinx.coroutines' {@code TestBase}: each step says which
 * number it expects to be, so a test reads as the order its callbacks and coroutines must run in,
 * and {@link #names()} keeps what happened for a readable failure.
 *
 * <p>Confined to one loop thread, like the code it checks.
 */
public final class StepLog {
    private final List<String> names = new ArrayList<>();

    /** Asserts that this is step {@code n} (steps start at 1), recorded without a name. */
    public void expect(int n) {
        expect(n, "step " + n);
    }

    /** Asserts that this is step {@code n} (steps start at 1), and records {@code what}. */
    public void expect(int n, String what) {
        names.add(what);
        assertEquals(n, names.size(), () -> "wrong step order: " + names);
    }

    /**
     * Asserts that {@code n} steps happened in all. Unlike kotlinx's {@code finish(n)}, this is
     * not a step itself: call it once the code under test is done.
     */
    public void finish(int n) {
        assertEquals(n, names.size(), () -> "wrong number of steps: " + names);
    }

    /** How many steps happened so far. */
    public int steps() {
        return names.size();
    }

    /** The steps so far, in order. */
    public List<String> names() {
        return names;
    }
}
