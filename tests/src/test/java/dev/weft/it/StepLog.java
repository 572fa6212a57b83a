package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An ordering log for tests, after kotlinx.coroutines' {@code TestBase}: each step says which
 * number it expects to be, so a test reads as the order its callbacks and coroutines must run in.
 *
 * <p>Confined to one loop thread, like the code it checks.
 */
final class StepLog {
    private int step;

    /** Asserts that this is step {@code n} (steps start at 1). */
    void expect(int n) {
        assertEquals(n, ++step, "wrong step order");
    }

    /** Asserts that this is the last step, {@code n}. */
    void finish(int n) {
        expect(n);
    }

    int steps() {
        return step;
    }
}
