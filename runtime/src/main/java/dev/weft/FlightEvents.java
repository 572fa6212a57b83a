package dev.weft;

import java.util.List;
import jdk.jfr.FlightRecorder;

/**
 * Where the runtime emits its Flight Recorder events ({@link TaskFailedEvent},
 * {@link SlowCallbackEvent}): a gate that touches no event class until Flight Recorder runs.
 *
 * <p>Why a gate: initialising a {@code jdk.jfr.Event} subclass registers it, and the first
 * registration in a JVM builds Flight Recorder's whole metadata repository — over 100 ms, which
 * the blocking-call watchdog itself caught on the first task failure of a test JVM. Without a
 * recording no event can be enabled, so until {@link FlightRecorder#isInitialized()} (one
 * volatile read) says a recorder exists, the event classes stay unloaded. After that each event
 * asks its own {@code isEnabled()}; a recording started later picks up the event types as they
 * register. On a runtime without the {@code jdk.jfr} module the gate stays shut.
 *
 * <p>Threading: any thread; stateless apart from the one-time check for the module.
 */
final class FlightEvents {
    private static final boolean AVAILABLE = jfrPresent();

    private FlightEvents() {
    }

    private static boolean jfrPresent() {
        try {
            Class.forName("jdk.jfr.FlightRecorder", false, FlightEvents.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether a recorder runs, so an event might be enabled; never initialises Flight Recorder. */
    private static boolean recorderRunning() {
        return AVAILABLE && FlightRecorder.isInitialized();
    }

    /** {@code task} completed with {@code error}: a {@code dev.weft.TaskFailed} event if recorded. */
    static void taskFailed(Task<?> task, Throwable error) {
        if (recorderRunning()) {
            TaskFailedEvent.emit(task, error);
        }
    }

    /** The watchdog saw a slow step: a {@code dev.weft.SlowCallback} event if recorded. */
    static void slowCallback(Thread loopThread, Object callback, long blockedFor, long threshold,
            List<StackTraceElement> stack) {
        if (recorderRunning()) {
            SlowCallbackEvent.emit(loopThread, callback, blockedFor, threshold, stack);
        }
    }
}
