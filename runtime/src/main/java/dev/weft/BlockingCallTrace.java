package dev.weft;

import java.util.List;

/**
 * The stack of an event-loop thread sampled while a callback or task step blocked it, as the
 * blocking-call watchdog reports it: a {@link Throwable} only so that loggers print the frames
 * as they print any stack trace. It is never thrown.
 *
 * <p>Its stack trace is the loop thread's, innermost first; for a task, the Java frames of the
 * running step down to the runtime's trampoline, then the coroutine frames that await it, each
 * at the line of its pending await (see {@link TaskDump}). Immutable once made; any thread.
 */
public final class BlockingCallTrace extends Throwable {
    private static final long serialVersionUID = 1L;

    BlockingCallTrace(String message, List<StackTraceElement> stack) {
        super(message, null, false, true);
        setStackTrace(stack.toArray(new StackTraceElement[0]));
    }
}
