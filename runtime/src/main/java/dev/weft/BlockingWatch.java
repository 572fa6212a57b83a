package dev.weft;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * One loop's side of the blocking-call watchdog: what the shared {@link BlockingWatchdog} thread
 * reads to notice a step (a callback, a task step, an I/O handler) that holds the loop longer
 * than the threshold — a sign of progress and what runs now.
 *
 * <p>Threading: {@link #publish}, {@link #begin}, {@link #end} and {@link #setThreshold} on the
 * loop thread; the rest on the watchdog thread; {@link #thresholdNanos} is read by both.
 */
final class BlockingWatch {
    /*
     * Implementation overview. The loop does no timing at all, and a task step (its hottest
     * path) costs nothing: progress is the ready queue's poll counter, which the loop moves
     * anyway, and a task names itself in the loop's currentTask while it steps, so the loop's
     * task path is the same with and without a watchdog. Each design tried before cost
     * YieldBench at depth 1 between 5% and 10%: storing the callback in the watch on every step
     * (a GC write barrier), one step-counter store per step through a VarHandle, even a second
     * type test per step beside the loop's own. What the loop still does: a plain callback from
     * the ready queue is published in `callback` (one store, and a clear at end()); an I/O
     * handler, which does not come through the ready queue, also bumps ioSteps.
     *
     * The watchdog samples progress() every few milliseconds on System.nanoTime(). The same value
     * seen over a span of real time at least the threshold long, while something runs (the
     * published callback or the loop's current task; both are null between steps and while the
     * loop waits in its selector), means one step has run at least that long: a step is never
     * reported early, and a step longer than the threshold plus one sampling period is always
     * seen. The loop's fields are read racily, by design (opaque reads, so the watchdog never
     * caches them): only once a step has run past the threshold, and progress and the running
     * object are read again after the stack is sampled, so a step that ended meanwhile is not
     * reported. Real time, not the loop's clock, because a virtual-time loop's clock jumps
     * between steps without anything blocking.
     *
     * State, as the watchdog sees it:
     *
     *   progress   running    meaning
     *   moves      any        steps start and end: nothing blocks
     *   same       null       between steps, or waiting for I/O or time: nothing blocks
     *   same       non-null   one step runs; reported once it has run for the threshold
     */

    /** The system property that, set to {@code false}, turns the watchdog off for new loops. */
    static final String PROPERTY = "weft.watchdog";
    /** The system property with the default threshold of new loops, in milliseconds. */
    static final String THRESHOLD_PROPERTY = "weft.watchdog.thresholdMillis";
    static final long DEFAULT_THRESHOLD_NANOS = 100_000_000L;

    private static final VarHandle IO_STEPS;
    private static final VarHandle CALLBACK;
    private static final VarHandle REPORTED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IO_STEPS = lookup.findVarHandle(BlockingWatch.class, "ioSteps", int.class);
            CALLBACK = lookup.findVarHandle(BlockingWatch.class, "callback", Object.class);
            REPORTED = lookup.findVarHandle(BlockingWatch.class, "reported", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    /** I/O handlers started so far; written by the loop thread only. */
    private int ioSteps;
    /** The plain callback or I/O handler that runs now; null between steps and for task steps. */
    private Object callback;
    /** Zero or less: watching is off for this loop. */
    volatile long thresholdNanos;

    // ---- the watchdog thread's own bookkeeping ----
    /** The progress value last seen, and since when (real time) it has been seen. */
    long lastSeen = -1;
    long seenSince;
    /**
     * The progress value of the step already reported, by the watchdog or by debug mode's
     * slow-step warning: each step is reported once, by whichever claims it first (see
     * {@link #claimReport}). Written by compare-and-set only, from either thread.
     */
    private volatile long reported = -1;

    private BlockingWatch(EventLoop loop, long thresholdNanos) {
        this.loop = loop;
        this.thresholdNanos = thresholdNanos;
    }

    /**
     * The watch for a new loop: on, at the threshold the properties give, unless
     * {@value #PROPERTY} is {@code false}, then null (and the loop pays nothing per step).
     */
    static BlockingWatch forNewLoop(EventLoop loop) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return null;
        }
        return started(loop, defaultThreshold());
    }

    /** A watch for {@code loop} at {@code thresholdNanos}, with the watchdog thread running. */
    static BlockingWatch started(EventLoop loop, long thresholdNanos) {
        BlockingWatchdog.ensureRunning();
        return new BlockingWatch(loop, thresholdNanos);
    }

    private static long defaultThreshold() {
        String millis = System.getProperty(THRESHOLD_PROPERTY);
        if (millis == null || millis.isBlank()) {
            return DEFAULT_THRESHOLD_NANOS;
        }
        try {
            return Duration.ofMillis(Long.parseLong(millis.trim())).toNanos();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("system property " + THRESHOLD_PROPERTY + "=" + millis
                    + " is not a number of milliseconds: set it to e.g. 250, or set "
                    + PROPERTY + "=false to turn the watchdog off", e);
        }
    }

    /**
     * A plain callback from the ready queue starts: published for the report (a task is not, see
     * the overview; the poll already counted as progress).
     */
    void publish(Object callback) {
        this.callback = callback;
    }

    /** An I/O handler (or, in tests, any step) starts: counted as progress and published. */
    void begin(Object handler) {
        ioSteps++;
        this.callback = handler;
    }

    /** The step ends; drops a published callback so the watch keeps nothing reachable. */
    void end() {
        if (callback != null) {
            callback = null;
        }
    }

    void setThreshold(long nanos) {
        thresholdNanos = nanos;
    }

    /** Progress as the watchdog sees it: changes whenever a step starts. Watchdog thread. */
    long progress() {
        return ((long) loop.readyProgress() << 32) | ((int) IO_STEPS.getOpaque(this) & 0xffffffffL);
    }

    /**
     * Claims the one report of the step at progress {@code s}; true for the first caller, false
     * once the watchdog or debug mode has claimed it. Either thread: the watchdog claims a step
     * it sampled, debug mode the step that just ran slow on the loop's clock, so a step slow by
     * both measures is reported once, by the watchdog with its sampled stack unless the step
     * ended before the watchdog's report was made.
     */
    boolean claimReport(long s) {
        long r = reported;
        return r != s && REPORTED.compareAndSet(this, r, s);
    }

    /** Whether the step at progress {@code s} has been reported already. Either thread. */
    boolean isReported(long s) {
        return reported == s;
    }

    /**
     * On the loop thread, right after a step and before the next starts: {@link #claimReport}
     * for that step, whose progress value the watchdog saw while it ran.
     */
    boolean claimRunningStep() {
        return claimReport(progress());
    }

    /** The running plain callback or I/O handler; null for a task step and between steps. */
    Object callback() {
        return CALLBACK.getOpaque(this);
    }

    /**
     * What the running step runs: the published callback, else the task the loop steps now (a
     * racy read, see the overview); null between steps and while the loop waits.
     */
    Object running() {
        Object c = callback();
        return c != null ? c : loop.currentTask;
    }
}
