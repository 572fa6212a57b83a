package dev.weft.internal;

import dev.weft.Task;
import java.util.Arrays;

/**
 * Puts suspended callers back into the stack trace of an exception that crosses an await.
 *
 * <p>While a coroutine is suspended its callers are not on the Java stack: resuming runs only
 * the innermost frame (that is what keeps a resume O(1)). An exception thrown after a resume
 * would therefore show the innermost method and then the runtime's trampoline. weft adds the
 * missing frames at the points it controls, each as {@code Class.method(File.java:line)} with the
 * line of the frame's pending await:
 * <ul>
 * <li>When the trampoline hands an exception to the frame that awaited the code that threw it
 * ({@link #addCaller}). An exception created in this step of the task gets the frame where a
 * synchronous call would have shown it, just above the trampoline's own frames.
 * <li>When an awaited future fails and its exception is thrown into the awaiting frame
 * ({@link #delivered}, {@link #awaitedInline}). Such an exception was created elsewhere (another
 * thread, a callback, another task's body, an earlier step), so its own trace says nothing about
 * the awaiter: weft appends a boundary element {@code dev.weft.async.awaitedBy(<task>)} and then
 * the awaiting frames, innermost first, as Kotlin's stack-trace recovery marks a coroutine
 * boundary. A failure awaited by several tasks shows one such section per awaiter, in the order
 * the exception reached them.
 * <li>On request, for a throwable made after a resume and not thrown, as loggers do
 * ({@code new Throwable()}): {@link #withSuspendedCallers}, behind
 * {@code Weft.asyncStackTrace}.
 * </ul>
 * The exception object stays the same (exceptions cross awaits unchanged, so {@code catch} and
 * identity checks still work); only its recorded trace grows. Exceptions created without a
 * writable stack trace are left alone, and a trace stops growing at {@value #MAX_DEPTH} elements
 * (the JVM's default stack-trace depth), so a shared failure awaited over and over cannot grow
 * without bound.
 *
 * <p>Cost: nothing on a path where nothing throws; each stitch copies the trace once (O(trace
 * length)) when an exception crosses a resumed await.
 *
 * <p>The public methods are entry points for {@code dev.weft}; not API. Stateless; safe on any
 * thread (a throwable's trace is changed by the thread that handles it).
 */
public final class AsyncStackTrace {
    /** The class name of the boundary element appended before an awaiter's frames. */
    public static final String BOUNDARY_CLASS = "dev.weft.async";
    /** The method name of the boundary element. */
    public static final String BOUNDARY_METHOD = "awaitedBy";
    static final int MAX_DEPTH = 1024;
    private static final String TASK = "dev.weft.Task";
    private static final String FRAME = Frame.class.getName();

    private AsyncStackTrace() {
    }

    /**
     * Adds {@code caller}, which awaited the code that threw {@code error}, to the trace: above
     * the trampoline if the exception was made in this step, else after the last awaiter section.
     */
    static void addCaller(Throwable error, Frame caller) {
        StackTraceElement element = caller.awaitSite();
        StackTraceElement[] trace = error.getStackTrace();
        if (element == null || trace.length == 0 || trace.length >= MAX_DEPTH) {
            return;
        }
        int at = hasBoundary(trace) ? -1 : trampoline(trace);
        if (at < 0) {
            error.setStackTrace(hasBoundary(trace) ? append(trace, element)
                    : append(append(trace, boundary(null)), element));
            return;
        }
        error.setStackTrace(insert(trace, at, element));
    }

    /**
     * Adds {@code awaiting}, suspended at the await a failed future woke, to {@code error}'s trace;
     * called by a task's step before it throws the error into the frame.
     *
     */
    public static void delivered(Throwable error, Frame awaiting) {
        StackTraceElement element = awaiting.awaitSite();
        StackTraceElement[] trace = error.getStackTrace();
        if (element == null || trace.length == 0 || trace.length >= MAX_DEPTH) {
            return;
        }
        int at = hasBoundary(trace) ? -1 : firstTaskFrame(trace);
        if (at >= 0 && "step".equals(trace[at].getMethodName()) && onlyRuntimeAbove(trace, at)) {
            // Made by weft in a step before any coroutine code ran (a cancellation, a failed
            // read): this awaiter is its first user frame, where a synchronous call shows it.
            error.setStackTrace(insert(trace, at, element));
            return;
        }
        error.setStackTrace(append(append(trace, boundary(label(awaiting))), element));
    }

    /**
     * Adds the Java stack of the code awaiting an already failed future to {@code error}'s trace,
     * down to the trampoline; the awaiter and the frames that awaited it inline are on the Java
     * stack now, but the error was made elsewhere. Costs a stack walk, only when it throws.
     *
     */
    public static void awaitedInline(Throwable error, Frame awaiting) {
        StackTraceElement[] trace = error.getStackTrace();
        if (trace.length == 0 || trace.length >= MAX_DEPTH) {
            return;
        }
        StackTraceElement[] here = new Throwable().getStackTrace();
        int from = 0;
        while (from < here.length && isRuntime(here[from].getClassName())) {
            from++; // this class, Future.awaitFrom, Frame.await, Awaits...
        }
        int to = trampoline(here);
        if (to < from) {
            to = here.length; // not on a task (an off-loop eager body): keep the whole stack
        }
        StackTraceElement[] grown = append(trace, boundary(label(awaiting)));
        int n = grown.length;
        grown = Arrays.copyOf(grown, n + (to - from));
        System.arraycopy(here, from, grown, n, to - from);
        error.setStackTrace(grown);
    }

    /**
     * {@code error}'s trace with the suspended callers of {@code running} (the frame the task's
     * trampoline runs now) inserted above the trampoline, if the trace was taken in this step
     * while that frame ran; else the trace unchanged. Does not change {@code error}.
     */
    public static StackTraceElement[] withSuspendedCallers(Throwable error, Frame running) {
        StackTraceElement[] trace = error.getStackTrace();
        int task = running == null || hasBoundary(trace) ? -1 : firstTaskFrame(trace);
        if (task < 1 || !"drive".equals(trace[task].getMethodName())
                || !FRAME.equals(trace[task - 1].getClassName())) {
            return trace; // not taken in a body the trampoline runs
        }
        int at = task - 1;
        int added = 0;
        for (Frame f = running.awaiter(); f != null && trace.length + added < MAX_DEPTH; f = f.awaiter()) {
            added++;
        }
        StackTraceElement[] grown = new StackTraceElement[trace.length + added];
        System.arraycopy(trace, 0, grown, 0, at);
        int i = at;
        for (Frame f = running.awaiter(); i < at + added; f = f.awaiter()) {
            StackTraceElement e = f.awaitSite();
            grown[i++] = e != null ? e : f.where();
        }
        System.arraycopy(trace, at, grown, i, trace.length - at);
        return grown;
    }

    /** Whether the trace already has an awaiter section: weft stitched it before. */
    static boolean hasBoundary(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (BOUNDARY_CLASS.equals(e.getClassName()) && BOUNDARY_METHOD.equals(e.getMethodName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the trampoline's frames start: the {@code Frame.run} just above the first task frame
     * (the first task frame itself when nothing runs it), or -1 without a task frame.
     */
    private static int trampoline(StackTraceElement[] trace) {
        int i = firstTaskFrame(trace);
        if (i < 0) {
            return -1;
        }
        boolean runAbove = i > 0 && FRAME.equals(trace[i - 1].getClassName())
                && "run".equals(trace[i - 1].getMethodName());
        return runAbove ? i - 1 : i;
    }

    private static int firstTaskFrame(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (TASK.equals(trace[i].getClassName())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether every element above {@code at} is the runtime's or the JDK's: no coroutine frame,
     * real or added by an earlier stitch (a cancellation shared by several awaiters has them).
     */
    private static boolean onlyRuntimeAbove(StackTraceElement[] trace, int at) {
        for (int i = 0; i < at; i++) {
            String c = trace[i].getClassName();
            boolean jdk = c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
            if (!jdk && !isRuntimePackage(c)) {
                return false;
            }
        }
        return true;
    }

    /** A class of weft's runtime: {@code dev.weft.X} or one in its runtime subpackages. */
    private static boolean isRuntimePackage(String c) {
        if (!c.startsWith("dev.weft.")) {
            return false;
        }
        String rest = c.substring("dev.weft.".length());
        return rest.indexOf('.') < 0 || rest.startsWith("internal.") || rest.startsWith("net.")
                || rest.startsWith("sync.") || rest.startsWith("queue.") || rest.startsWith("process.");
    }

    private static boolean isRuntime(String className) {
        return className.startsWith("dev.weft.internal.") || className.equals("dev.weft.Future")
                || className.equals(TASK);
    }

    /** The awaiter's name in a boundary element: its task's name, if it runs on a task. */
    private static String label(Frame awaiting) {
        Object driver = awaiting.driver();
        return driver instanceof Task ? ((Task<?>) driver).getName() : null;
    }

    private static StackTraceElement boundary(String label) {
        return new StackTraceElement(BOUNDARY_CLASS, BOUNDARY_METHOD, label == null ? "async" : label, -1);
    }

    private static StackTraceElement[] append(StackTraceElement[] trace, StackTraceElement element) {
        return insert(trace, trace.length, element);
    }

    private static StackTraceElement[] insert(StackTraceElement[] trace, int at, StackTraceElement element) {
        StackTraceElement[] grown = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, grown, 0, at);
        grown[at] = element;
        System.arraycopy(trace, at, grown, at + 1, trace.length - at);
        return grown;
    }
}
