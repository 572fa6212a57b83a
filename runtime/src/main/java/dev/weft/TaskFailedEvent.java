package dev.weft;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The Flight Recorder event {@code dev.weft.TaskFailed}: a task completed with an exception
 * (cancellation is not a failure and has no event). Committed on the loop thread as the task
 * completes, whether or not anyone retrieves the exception later.
 *
 * <p>Disabled unless a recording enables it: the failure path goes through {@link FlightEvents},
 * which loads this class only once Flight Recorder runs, then asks the static {@link #PROBE}
 * whether the event is enabled; a task that returns normally pays nothing. No JFR stack trace (it would show the
 * runtime's completion code); the exception's innermost frame is the {@code where} field.
 *
 * <p>Threading: the loop thread.
 */
@Name("dev.weft.TaskFailed")
@Label("Task Failed")
@Category({"weft", "Tasks"})
@Description("A task completed with an exception")
@StackTrace(false)
final class TaskFailedEvent extends Event {
    /** Asked whether the event is enabled, without making an event per failure. */
    private static final TaskFailedEvent PROBE = new TaskFailedEvent();

    @Label("Task Name")
    String taskName;

    @Label("Exception Class")
    Class<?> exceptionClass;

    @Label("Message")
    String message;

    @Label("Where")
    @Description("The exception's innermost frame, as Class.method(File.java:line)")
    String where;

    /** Commits one event for {@code task} failing with {@code error}, if a recording wants it. */
    static void emit(Task<?> task, Throwable error) {
        if (!PROBE.isEnabled()) {
            return;
        }
        TaskFailedEvent e = new TaskFailedEvent();
        e.taskName = task.getName();
        e.exceptionClass = error.getClass();
        e.message = error.getMessage();
        StackTraceElement[] stack = error.getStackTrace();
        e.where = stack.length == 0 ? null : stack[0].toString();
        e.commit();
    }
}
