package dev.weft;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * One loop's side of the blocking-call watchdog: a step counter the loop bumps around every
 * callback, task step and I/O handler it runs, which the shared {@link BlockingWatchdog} thread
 * reads to notice a step that holds the loop longer than the threshold.
 *
 * <p>Implementation overview. The loop does no timing at all: {@link #begin} makes the counter
 * odd and {@link #end} even again, with release stores (plain moves on x86). A plain callback
 * is published in {@link #callback}; a task step is not, because the task already names itself
 * in the loop's {@code currentTask} while it steps, and storing a reference on every step (a GC
 * write barrier on the hottest path of the loop) measured as most of the watchdog's cost on
 * {@code YieldBench}. The watchdog samples the counter every few milliseconds on
 * {@link System#nanoTime()}: the same odd value seen over a span of real time at least the
 * threshold long means one step has run at least that long, so a step is never reported early,
 * and a step longer than the threshold plus one sampling period is always seen. Real time, not
 * the loop's clock, because a virtual-time loop's clock jumps between steps without anything
 * blocking. The fields after {@code callback} belong to the watchdog thread alone.
 *
 * <p>Threading: {@link #begin}, {@link #end} and {@link #setThreshold} on the loop thread; the
 * rest on the watchdog thread; {@link #thresholdNanos} is read by both.
 */
final class BlockingWatch {
    /** The system property that, set to {@code false}, turns the watchdog off for new loops. */
    static final String PROPERTY = "weft.watchdog";
    /** The system property with the default threshold of new loops, in milliseconds. */
    static final String THRESHOLD_PROPERTY = "weft.watchdog.thresholdMillis";
    static final long DEFAULT_THRESHOLD_NANOS = 100_000_000L;

    private static final VarHandle SEQ;
    private static final VarHandle REPORTED;

    static {
        try {
            SEQ = MethodHandles.lookup().findVarHandle(BlockingWatch.class, "seq", long.class);
            REPORTED = MethodHandles.lookup().findVarHandle(BlockingWatch.class, "reported", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    /** Odd while a step runs; written by the loop thread only. */
    private long seq;
    /** The plain callback or I/O handler that runs now; null between steps and for task steps. */
    private Object callback;
    /** Zero or less: watching is off for this loop. */
    volatile long thresholdNanos;

    // ---- the watchdog thread's own bookkeeping ----
    /** The counter value last seen, and since when (real time) it has been seen. */
    long lastSeen = -1;
    long seenSince;
    /**
     * The odd counter value of the step already reported, by the watchdog or by debug mode's
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
     * A step of {@code callback} starts on the loop thread; a task is not stored (see the
     * overview), any other callback is, for the report.
     */
    void begin(Object callback) {
        if (!(callback instanceof Task)) {
            this.callback = callback;
        }
        SEQ.setRelease(this, seq + 1);
    }

    /** The step ends; drops a stored callback so the watch keeps nothing reachable. */
    void end() {
        SEQ.setRelease(this, seq + 1);
        if (callback != null) {
            callback = null;
        }
    }

    void setThreshold(long nanos) {
        thresholdNanos = nanos;
    }

    /** The counter as the watchdog sees it. */
    long seq() {
        return (long) SEQ.getAcquire(this);
    }

    /**
     * Claims the one report of step {@code s} (an odd counter value); true for the first caller,
     * false once the watchdog or debug mode has claimed it. Either thread: the watchdog claims a
     * step it sampled, debug mode the step that just ran slow on the loop's clock, so a step slow
     * by both measures is reported once, by the watchdog with its sampled stack unless the step
     * ended before the watchdog's report was made.
     */
    boolean claimReport(long s) {
        long r = reported;
        return r != s && REPORTED.compareAndSet(this, r, s);
    }

    /** Whether step {@code s} has been reported already. Either thread. */
    boolean isReported(long s) {
        return reported == s;
    }

    /**
     * On the loop thread, during a step: {@link #claimReport} for the step running now; true if
     * no step is being watched (a watch made by {@code setBlockingThreshold} in the middle of a
     * batch begins with the next batch).
     */
    boolean claimRunningStep() {
        long s = seq;
        return (s & 1) == 0 || claimReport(s);
    }

    /** The running plain callback; read after an odd {@link #seq()}; null for a task step. */
    Object callback() {
        return callback;
    }

    /**
     * What the running step runs, for the report: the stored callback, else the task the loop
     * steps now (a racy read of a plain field, made once the step has run past the threshold,
     * and checked against the counter afterwards); null if the step just ended.
     */
    Object running() {
        Object c = callback;
        return c != null ? c : loop.currentTask;
    }
}
