package dev.weft;

import dev.weft.internal.FrameTracking;
import java.util.Locale;

/**
 * A loop's debug mode (asyncio's {@code loop.set_debug(True)}): times every callback and task
 * step on the loop's clock and logs those slower than the threshold, naming the callback — a
 * task by its repr, which carries its name — and watches for coroutine objects created on the
 * loop and never awaited ({@link FrameTracking}).
 *
 * <p>Debug mode is on for a loop after {@link EventLoop#setDebug}{@code (true)}, for
 * {@link Weft#run(Coroutine, boolean)} with {@code debug} true, and for every loop when the
 * system property {@value #PROPERTY} is {@code true}. Calls from a foreign thread fail in every
 * mode, so debug mode adds no check for them. Warnings go to the {@link System.Logger} named
 * {@code dev.weft} at {@code WARNING} level. A slow step the blocking-call watchdog has already
 * reported (with the stack it sampled) is not reported again here.
 *
 * <p>Threading: confined to its loop's thread, except {@link #close()}, which may run where the
 * loop is closed.
 */
final class DebugMonitor {
    /** The system property that turns debug mode on for every loop. */
    static final String PROPERTY = "weft.debug";
    private static final long DEFAULT_SLOW_NANOS = 100_000_000L;
    private static final System.Logger LOG = System.getLogger("dev.weft");

    private final EventLoop loop;
    private final Clock clock;
    private long slowNanos = DEFAULT_SLOW_NANOS;

    DebugMonitor(EventLoop loop, Clock clock) {
        this.loop = loop;
        this.clock = clock;
        FrameTracking.enable(DebugMonitor::currentDebugLoop);
    }

    /** The debug-mode loop running on the calling thread, or null; for frame tracking. */
    private static Object currentDebugLoop() {
        EventLoop running = EventLoop.currentOrNull();
        return running != null && running.isDebug() ? running : null;
    }

    void setSlowNanos(long nanos) {
        slowNanos = nanos;
    }

    /** Runs {@code callback} as the loop would, and logs it if it was slow. */
    void dispatch(Object callback) {
        long start = clock.nanoTime();
        try {
            EventLoop.dispatch(callback);
        } finally {
            long took = clock.nanoTime() - start;
            if (took >= slowNanos && unreportedByWatchdog()) {
                LOG.log(System.Logger.Level.WARNING, "Executing " + callback + " took "
                        + String.format(Locale.ROOT, "%.3f", took / 1e9) + " seconds");
            }
        }
    }

    /**
     * Whether the step that just ran is still to be reported, and now claimed by debug mode: a
     * step the blocking-call watchdog reported while it ran (with the loop thread's stack) is
     * not reported twice. Called before the next step starts, so the watch's progress is still
     * the value the watchdog saw while the step ran.
     */
    private boolean unreportedByWatchdog() {
        BlockingWatch w = loop.blockingWatch();
        return w == null || w.claimRunningStep();
    }

    /** Ends debug mode: reports this loop's never-awaited coroutines and stops watching. */
    void close() {
        FrameTracking.sweep(loop);
        FrameTracking.disable();
    }
}
