package dev.weft;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * One loop's side of the blocking-call watchdog: a step counter the loop bumps as every
 * callback, task step and I/O handler starts, which the shared {@link BlockingWatchdog} thread
 * reads to notice a step that holds the loop longer than the threshold.
 *
 * <p>Threading: {@link #begin}, {@link #end} and {@link #setThreshold} on the loop thread; the
 * rest on the watchdog thread; {@link #thresholdNanos} is read by both.
 */
/*
 * Implementation overview. The loop does no timing at all, and for a task step (the hottest
 * path there is) it makes one store: begin() bumps the counter. A task names itself in the
 * loop's currentTask while it steps, so the watch stores no reference for it: a reference store
 * on every step (a GC write barrier) and a second counter store at the end measured as about
 * 10% of YieldBench at depth 1. A plain callback or I/O handler is published in `callback` for
 * the report and cleared at end() so the watch keeps nothing reachable.
 *
 * The watchdog samples the counter every few milliseconds on System.nanoTime(). The same value
 * seen over a span of real time at least the threshold long, while something runs (the
 * published callback or the loop's current task; both are null between steps and while the
 * loop waits in its selector), means one step has run at least that long: a step is never
 * reported early, and a step longer than the threshold plus one sampling period is always seen.
 * The reads of `callback` and currentTask are racy by design: they are made only once a step
 * has run past the threshold, and the counter and the running object are read again after the
 * stack is sampled, so a step that ended meanwhile is not reported. Real time, not the loop's
 * clock, because a virtual-time loop's clock jumps between steps without anything blocking.
 *
 * State, as the watchdog sees it:
 *
 *   counter   running        meaning
 *   moves     any            steps start and end: nothing blocks
 *   same      null           between steps or waiting for I/O or time: nothing blocks
 *   same      non-null       one step runs; reported once it has run for the threshold
 */
final class BlockingWatch {
    /*
     * Implementation overview. The loop does no timing at all: begin makes the counter
     * odd and end even again, with release stores (plain moves on x86). A plain callback
     * is published in callback; a task step is not, because the task already names itself
     * in the loop's currentTask while it steps, and storing a reference on every step (a GC
     * write barrier on the hottest path of the loop) measured as most of the watchdog's cost on
     * YieldBench. The watchdog samples the counter every few milliseconds on
     * System.nanoTime(): the same odd value seen over a span of real time at least the
     * threshold long means one step has run at least that long, so a step is never reported early,
     * and a step longer than the threshold plus one sampling period is always seen. Real time, not
     * the loop's clock, because a virtual-time loop's clock jumps between steps without anything
     * blocking. The fields after callback belong to the watchdog thread alone.
     */

    /** The system property that, set to {@code false}, turns the watchdog off for new loops. */
    static final String PROPERTY = "weft.watchdog";
    /** The system property with the default threshold of new loops, in milliseconds. */
    static final String THRESHOLD_PROPERTY = "weft.watchdog.thresholdMillis";
    static final long DEFAULT_THRESHOLD_NANOS = 100_000_000L;

    private static final VarHandle STEPS;

    static {
        try {
            STEPS = MethodHandles.lookup().findVarHandle(BlockingWatch.class, "steps", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    /** How many steps have started; written by the loop thread only. */
    private long steps;
    /** The plain callback or I/O handler that runs now; null between steps and for task steps. */
    private Object callback;
    /** Zero or less: watching is off for this loop. */
    volatile long thresholdNanos;

    // ---- the watchdog thread's own bookkeeping ----
    /** The counter value last seen, and since when (real time) it has been seen. */
    long lastSeen = -1;
    long seenSince;
    /** The odd counter value already reported: each step is reported once. */
    long reported = -1;

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
     * A step of {@code callback} starts on the loop thread: counted, and, unless it is a task
     * (see the overview), published for the report.
     */
    void begin(Object callback) {
        if (callback instanceof Task) {
            STEPS.setOpaque(this, steps + 1);
        } else {
            this.callback = callback;
            STEPS.setRelease(this, steps + 1);
        }
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

    /** The step counter as the watchdog sees it. */
    long steps() {
        return (long) STEPS.getAcquire(this);
    }

    /** The running plain callback or I/O handler; null for a task step and between steps. */
    Object callback() {
        return callback;
    }

    /**
     * What the running step runs: the published callback, else the task the loop steps now (a
     * racy read, see the overview); null between steps and while the loop waits.
     */
    Object running() {
        Object c = callback;
        return c != null ? c : loop.currentTask;
    }
}
