package dev.weft;

import java.util.List;
import java.util.Locale;

/**
 * The blocking-call watchdog: one daemon thread for all loops of the JVM that reports a callback
 * or task step holding its loop longer than the loop's threshold, once, with the task's name and
 * the loop thread's stack sampled while it blocked.
 *
 * <p>Threading: the watchdog thread; {@link #ensureRunning()} from any thread. The thread is
 * started by the first loop created with the watchdog on and runs until the JVM exits; with no
 * loop running it ticks every 100 ms.
 */
final class BlockingWatchdog implements Runnable {
    /*
     * Implementation overview. Every tick (a quarter of the smallest threshold, between 1 and
     * 100 ms) the thread reads each open loop's BlockingWatch progress; a step seen running
     * for at least the threshold of real time has its stack sampled — for a task, as a
     * TaskDump sees the running task: the Java frames above the runtime's trampoline, then
     * the frames awaiting it — and, if the same step still runs after the sample (so the stack is
     * that step's), is reported: a WARNING to the System.Logger named
     * dev.weft, as debug mode logs slow callbacks, with a BlockingCallTrace carrying
     * the sampled stack, and a SlowCallbackEvent for Flight Recorder. The report is made
     * from this thread, at once, so a loop blocked for ever is reported too; it never touches the
     * loop's state.
     */

    private static final System.Logger LOG = System.getLogger("dev.weft");
    private static final long IDLE_TICK_NANOS = 100_000_000L;
    private static final long MIN_TICK_NANOS = 1_000_000L;
    private static Thread thread;

    private BlockingWatchdog() {
    }

    /** Starts the watchdog thread unless it runs already. */
    static synchronized void ensureRunning() {
        if (thread == null) {
            thread = new Thread(new BlockingWatchdog(), "weft-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        while (true) {
            long tick = IDLE_TICK_NANOS;
            try {
                tick = checkAll();
            } catch (Throwable t) { // a broken check must not silence the watchdog for good
                LOG.log(System.Logger.Level.ERROR, "weft watchdog check failed", t);
            }
            try {
                Thread.sleep(tick / 1_000_000L, (int) (tick % 1_000_000L));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Checks every running loop once; returns how long to sleep until the next check. */
    private long checkAll() {
        long tick = IDLE_TICK_NANOS;
        List<EventLoop> loops = LoopRegistry.open();
        for (EventLoop loop : loops) {
            BlockingWatch w = loop.blockingWatch();
            if (w == null || !loop.isRunning()) {
                continue;
            }
            long threshold = w.thresholdNanos;
            if (threshold > 0) {
                tick = Math.min(tick, Math.max(MIN_TICK_NANOS, threshold / 4));
                check(w, threshold, System.nanoTime());
            }
        }
        return tick;
    }

    /** Reports {@code w}'s step if it has run for {@code threshold} and was not reported yet. */
    static void check(BlockingWatch w, long threshold, long now) {
        long s = w.progress();
        if (s != w.lastSeen) {
            w.lastSeen = s;
            w.seenSince = now;
            return;
        }
        long blocked = now - w.seenSince;
        Object running = w.isReported(s) || blocked < threshold ? null : w.running();
        if (running == null) {
            return; // progress moves, the step was reported, or nothing runs: the loop waits
        }
        Thread loopThread = w.loop.ownerThread();
        List<StackTraceElement> stack = sample(w.loop, running, loopThread);
        if (w.progress() != s || w.running() != running) {
            return; // the step ended meanwhile: the stack may be a later step's
        }
        if (!w.claimReport(s)) {
            return; // debug mode reported it as slow as it ended, between the two reads
        }
        report(w.loop, running, loopThread, blocked, threshold, stack);
    }

    /** The loop thread's stack now; for a task, with the frames that await it. */
    private static List<StackTraceElement> sample(EventLoop loop, Object callback, Thread loopThread) {
        if (callback instanceof Task) {
            return TaskDump.describeRunning(loop, (Task<?>) callback).awaitChain();
        }
        return List.of(loopThread.getStackTrace());
    }

    private static void report(EventLoop loop, Object callback, Thread loopThread, long blocked,
            long threshold, List<StackTraceElement> stack) {
        String message = "Executing " + callback + " has blocked the event loop thread '"
                + loopThread.getName() + "' for over " + seconds(blocked)
                + " seconds (watchdog threshold " + seconds(threshold) + " seconds): every task of"
                + " the loop waits meanwhile. Run blocking calls with Weft.toThread or"
                + " loop.runInExecutor, or raise the threshold with loop.setBlockingThreshold."
                + " The loop thread's stack while it blocked follows.";
        BlockingCallTrace trace = new BlockingCallTrace(message, stack);
        LOG.log(System.Logger.Level.WARNING, message, trace);
        FlightEvents.slowCallback(loopThread, callback, blocked, threshold, stack);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
