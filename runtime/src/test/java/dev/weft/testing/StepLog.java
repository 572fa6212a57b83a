package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordering log for tests, after kotlinx.coroutines' {@code TestBase}: each step of a scenario
 * calls {@link #expect(int)} with its number, and the log fails at once if a step runs out of
 * order; the last step calls {@link #finish(int)}, and {@link #assertFinished()} checks that it
 * ran. A step may carry a name ({@link #expect(int, String)}), and {@link #names()} keeps what
 * happened, for a readable failure.
 *
 * <p>The one step log of the build: it lives in the runtime's test sources, which the runtime's
 * unit tests use directly, and the runtime publishes this package as its test jar
 * ({@code weft-runtime:test-jar}, nothing else in it) for the integration tests of
 * {@code tests/}. A test jar rather than a module of its own because the log needs nothing but
 * JUnit, and the runtime is the one module every test module already depends on.
 *
 * <p>Not thread-safe: the steps of one scenario run on one loop thread.
 */
public final class StepLog {
    private final List<String> names = new ArrayList<>();
    private boolean finished;

    /** Records step {@code n}; fails unless exactly steps 1..n-1 ran before. */
    public void expect(int n) {
        expect(n, "step " + n);
    }

    /** Records step {@code n} as {@code what}; fails unless exactly steps 1..n-1 ran before. */
    public void expect(int n, String what) {
        assertTrue(!finished, () -> "step " + n + " (" + what + ") ran after finish(): " + names);
        names.add(what);
        assertEquals(n, names.size(), () -> "wrong step order: step " + n + " ran after " + names);
    }

    /**
     * Records the final step {@code n}: fails unless exactly steps 1..n-1 ran before, as
     * {@link #expect(int)}, or if a step was finished already. Not added to {@link #names()}.
     */
    public void finish(int n) {
        assertTrue(!finished, "finish() called twice");
        assertEquals(n, names.size() + 1, () -> "finish(" + n + ") after the steps " + names);
        finished = true;
    }

    /** Fails: marks code that the scenario must never reach. */
    public void unreached() {
        fail("unreachable code ran after the steps " + names);
    }

    /** Fails unless {@link #finish(int)} ran. */
    public void assertFinished() {
        assertTrue(finished, () -> "the scenario stopped after the steps " + names + " without finish()");
    }

    /** How many steps ran so far, not counting {@link #finish(int)}. */
    public int steps() {
        return names.size();
    }

    /** The names of the steps so far, in order. */
    public List<String> names() {
        return names;
    }
}
