package dev.weft;

import dev.weft.annotation.Async;
import dev.weft.internal.Abi;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Builds the errors raised where the runtime meets code that was not woven: a weaver marker
 * ({@code Weft.await}, {@code Weft.done}, ...) reached at run time, or an {@code @Async} method
 * that ran un-woven — at once, when it was called — and then needed a running loop that nobody
 * has started yet (an application run without the agent fails there even though its
 * {@code main} does call {@code Weft.run}: the un-woven {@code main()} coroutine ran as the
 * argument of {@code Weft.run}, before the loop existed). Each message names the un-woven method
 * as {@code Class.method(File.java:line)} and says how to weave it.
 *
 * <p>An {@code @Async} method counts as un-woven when it is executing its own code and its class
 * did not pass the woven static initialiser's {@link Abi#check}: a woven method's own frame only
 * ever builds a coroutine (or, for an eager method, calls its body under another descriptor).
 *
 * <p>Stateless; safe on any thread. The stack walk runs only on these error paths.
 */
final class NotWoven {
    /** How to weave, for every message about un-woven code. */
    static final String HOW_TO_WEAVE = "weave it: run with -javaagent:/path/to/weft-agent.jar, or weave at "
            + "build time with the Maven plugin dev.weft:weft-maven-plugin (goal weave), or offline with "
            + "'java -jar weft-agent.jar weave --classpath CP DIR'. If it was woven, look for an earlier "
            + "'weft: cannot weave' line explaining why this method was left unchanged";

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private NotWoven() {
    }

    /** The error for the marker {@code marker} reached at run time. */
    static IllegalStateException at(String marker) {
        StackTraceElement where = unwovenAsyncMethod().orElseGet(NotWoven::firstCaller);
        return new IllegalStateException(marker + " was called in " + (where == null ? "an unknown method" : where)
                + ", which was not woven: mark the method @Async (returning Coroutine<T>, Generator<Y, S> or "
                + "AsyncGenerator<Y>) and " + HOW_TO_WEAVE + ".");
    }

    /**
     * {@code message} as an error, with the explanation added when an un-woven {@code @Async}
     * method on the calling thread's stack is why it happened.
     */
    static IllegalStateException explained(String message) {
        return new IllegalStateException(unwovenAsyncMethod()
                .map(m -> message + ". But " + m + " is an @Async method that was not woven: it ran when it was "
                        + "called instead of returning a coroutine, so it ran before Weft.run started a loop; "
                        + HOW_TO_WEAVE)
                .orElse(message));
    }

    /** The error for a null coroutine, which an un-woven {@code @Async} method can return. */
    static NullPointerException nullCoroutine() {
        return new NullPointerException("coroutine is null: if it came from an @Async method, that method was "
                + "probably not woven (it ran and returned null instead of returning a coroutine); " + HOW_TO_WEAVE);
    }

    /** The innermost un-woven {@code @Async} method executing on this thread, if any. */
    static Optional<StackTraceElement> unwovenAsyncMethod() {
        return WALKER.walk(s -> s.filter(NotWoven::isUnwovenAsync).findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement));
    }

    private static boolean isUnwovenAsync(StackWalker.StackFrame f) {
        Class<?> c = f.getDeclaringClass();
        if (Abi.isWoven(c)) {
            return false;
        }
        try {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(f.getMethodName()) && m.getReturnType() == f.getMethodType().returnType()
                        && Arrays.equals(m.getParameterTypes(), f.getMethodType().parameterArray())) {
                    return m.isAnnotationPresent(Async.class);
                }
            }
        } catch (LinkageError | SecurityException e) {
            return false; // a class we cannot inspect: say nothing rather than guess
        }
        return false;
    }

    private static StackTraceElement firstCaller() {
        return WALKER.walk(s -> s.filter(f -> f.getDeclaringClass() != Weft.class && f.getDeclaringClass() != NotWoven.class
                        && f.getDeclaringClass() != Generator.class && f.getDeclaringClass() != AsyncGenerator.class)
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }
}
