package dev.weft;

import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The Flight Recorder event {@code dev.weft.SlowCallback}: a callback or task step held its event
 * loop longer than the loop's watchdog threshold. Committed by the blocking-call watchdog
 * ({@link BlockingWatchdog}) when it reports the step, so it is emitted from the watchdog thread
 * (hence no JFR stack trace of its own: the loop thread's sampled stack is the {@code stack}
 * field) and only for loops with the watchdog on.
 *
 * <p>Disabled unless a recording enables it, and then checked once per report, never per step;
 * the class is not even loaded until Flight Recorder runs ({@link FlightEvents}).
 * Threading: made and committed on the watchdog thread.
 */
@Name("dev.weft.SlowCallback")
@Label("Slow Callback")
@Category({"weft", "Event Loop"})
@Description("A callback or task step blocked its event loop longer than the watchdog threshold")
@StackTrace(false)
final class SlowCallbackEvent extends Event {
    @Label("Loop Thread")
    Thread loopThread;

    @Label("Callback")
    @Description("The callback or task that blocked the loop, as its toString reads")
    String callback;

    @Label("Task Name")
    @Description("The task's name when a task step blocked; null for a plain callback")
    String taskName;

    @Label("Blocked For")
    @Description("How long the step had held the loop when the watchdog saw it (at least)")
    @Timespan(Timespan.NANOSECONDS)
    long blockedFor;

    @Label("Threshold")
    @Timespan(Timespan.NANOSECONDS)
    long threshold;

    @Label("Stack")
    @Description("The loop thread's stack sampled while it blocked, innermost first")
    String stack;

    /** Commits one event if a recording has this event enabled. */
    static void emit(Thread loopThread, Object callback, long blockedFor, long threshold,
            List<StackTraceElement> stack) {
        SlowCallbackEvent e = new SlowCallbackEvent();
        if (!e.isEnabled()) {
            return;
        }
        e.loopThread = loopThread;
        e.callback = String.valueOf(callback);
        e.taskName = callback instanceof Task ? ((Task<?>) callback).getName() : null;
        e.blockedFor = blockedFor;
        e.threshold = threshold;
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : stack) {
            text.append("at ").append(frame).append('\n');
        }
        e.stack = text.toString();
        e.commit();
    }
}
