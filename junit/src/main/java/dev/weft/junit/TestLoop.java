package dev.weft.junit;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.VirtualTime;
import java.time.Duration;
import java.util.Objects;

/**
 * The loop an {@link AsyncTest} runs on, and its time: what kotlinx-coroutines-test's
 * {@code TestCoroutineScheduler} is to {@code runTest}. Declare it as the test method's parameter
 * to receive it.
 *
 * <pre>
 * &#64;AsyncTest &#64;Async
 * Coroutine&lt;Void&gt; retriesAfterAMinute(TestLoop t) {
 *     Task&lt;String&gt; fetch = Weft.createTask(client.fetchWithRetry());
 *     Weft.await(t.advanceBy(Duration.ofSeconds(59)));
 *     assertFalse(fetch.done());
 *     Weft.await(t.runUntilIdle());
 *     assertEquals(Duration.ofMinutes(1), t.currentTime());
 *     ...
 * }
 * </pre>
 *
 * <p>Threading: the test's loop thread only; a call from any other thread fails with an
 * {@link IllegalStateException} naming both threads, because virtual time belongs to the loop
 * that runs on it (post work to it with {@code loop().callSoonThreadsafe}).
 */
public final class TestLoop {
    private final EventLoop loop;
    private final boolean virtual;
    private final long startNanos;
    private final Thread thread;

    TestLoop(EventLoop loop, boolean virtual) {
        this.loop = loop;
        this.virtual = virtual;
        this.startNanos = loop.nanoTime();
        this.thread = Thread.currentThread();
    }

    /** The test's event loop; any thread (the loop checks its own threading). */
    public EventLoop loop() {
        return loop;
    }

    /** Whether the test runs on virtual time (the default; see {@link RealTime}). */
    public boolean isVirtual() {
        return virtual;
    }

    /** The time since the test started, on its loop's clock. */
    public Duration currentTime() {
        check("currentTime");
        return Duration.ofNanos(loop.nanoTime() - startNanos);
    }

    /** {@link #currentTime()} in whole milliseconds. */
    public long currentTimeMillis() {
        return currentTime().toMillis();
    }

    /**
     * A coroutine that moves virtual time forward by {@code delta}, running everything due up to
     * then, and resumes the test at exactly that time; see {@link VirtualTime#advanceBy}.
     *
     * @throws IllegalArgumentException if {@code delta} is negative
     * @throws IllegalStateException on real time, or off the loop thread
     */
    public Coroutine<Void> advanceBy(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        checkVirtual("advanceBy");
        return VirtualTime.advanceBy(delta);
    }

    /**
     * A coroutine that runs every other task and timer until none is left (virtual time jumps
     * through the timers); see {@link VirtualTime#runUntilIdle}.
     *
     * @throws IllegalStateException on real time, or off the loop thread
     */
    public Coroutine<Void> runUntilIdle() {
        checkVirtual("runUntilIdle");
        return VirtualTime.runUntilIdle();
    }

    private void checkVirtual(String method) {
        check(method);
        if (!virtual) {
            throw new IllegalStateException("TestLoop." + method + "() moves virtual time, but this "
                    + "test runs on real time (@RealTime): await Weft.sleep instead, or drop @RealTime");
        }
    }

    private void check(String method) {
        Thread current = Thread.currentThread();
        if (current != thread) {
            throw new IllegalStateException("TestLoop." + method + "() was called on thread '"
                    + current.getName() + "', but the test's loop runs on thread '" + thread.getName()
                    + "': its clock belongs to that thread; hand work to it with "
                    + "loop.callSoonThreadsafe");
        }
    }

    @Override
    public String toString() {
        return "TestLoop[" + (virtual ? "virtual" : "real") + " time, " + loop + "]";
    }
}
