package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An ordering log for tests, after kotlinx.coroutines' {@code TestBase}: each step of a scenario
 * calls {@link #expect(int)} with its number, and the log fails at once if a step runs out of
 * order; the last step calls {@link #finish(int)}, and {@link #assertFinished()} checks it ran.
 *
 * <p>Not thread-safe: the steps of one scenario run on one loop thread.
 */
final class StepLog {
    private int last;
    private boolean finished;

    /** Records step {@code n}; fails unless exactly steps 1..n-1 ran before. */
    void expect(int n) {
        assertEquals(last + 1, n, () -> "step " + n + " ran after step " + last);
        last = n;
    }

    /** Records the final step {@code n}; see {@link #expect(int)}. */
    void finish(int n) {
        expect(n);
        assertTrue(!finished, "finish() called twice");
        finished = true;
    }

    /** Fails: marks code that the scenario must never reach. */
    void unreached() {
        fail("unreachable code ran after step " + last);
    }

    /** Fails unless {@link #finish(int)} ran. */
    void assertFinished() {
        assertTrue(finished, () -> "the scenario stopped after step " + last + " without finish()");
    }
}
