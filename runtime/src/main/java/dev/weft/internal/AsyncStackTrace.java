package dev.weft.internal;

/**
 * Puts suspended callers back into the stack trace of an exception that crosses an await.
 *
 * <p>While a coroutine is suspended its callers are not on the Java stack: resuming runs only
 * the innermost frame (that is what keeps a resume O(1)). An exception thrown after a resume
 * would therefore show the innermost method and then the runtime's trampoline. Each time the
 * trampoline hands such an exception to the frame that awaited, this inserts that frame's
 * {@code Class.method(File.java:line)} — the line of its pending await — where a synchronous call
 * would have shown it, just above the trampoline's own frames. The exception object stays the
 * same (exceptions cross awaits unchanged); only its recorded trace grows. Exceptions created
 * without a writable stack trace are left alone.
 *
 * <p>Costs nothing unless an exception crosses a resumed await. Stateless; safe on any thread.
 */
final class AsyncStackTrace {
    private static final String TASK = "dev.weft.Task";

    private AsyncStackTrace() {
    }

    static void addCaller(Throwable error, Frame caller) {
        StackTraceElement element = caller.awaitSite();
        if (element == null) {
            return;
        }
        StackTraceElement[] trace = error.getStackTrace();
        int at = boundary(trace);
        if (at < 0) {
            return;
        }
        StackTraceElement[] grown = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, grown, 0, at);
        grown[at] = element;
        System.arraycopy(trace, at, grown, at + 1, trace.length - at);
        error.setStackTrace(grown);
    }

    /** Where the trampoline's frames start: the {@code Frame.run} just below the first task frame. */
    private static int boundary(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (TASK.equals(trace[i].getClassName())) {
                boolean runAbove = i > 0 && Frame.class.getName().equals(trace[i - 1].getClassName())
                        && "run".equals(trace[i - 1].getMethodName());
                return runAbove ? i - 1 : i;
            }
        }
        return -1;
    }
}
