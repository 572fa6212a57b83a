package dev.weft;

/**
 * Builds the error raised when a weaver marker ({@code Weft.await}, {@code Weft.done}) runs
 * because its method was not woven. Names the calling method as
 * {@code Class.method(File.java:line)} and says how to enable weaving.
 *
 * <p>Stateless; safe on any thread.
 */
final class NotWoven {
    private NotWoven() {
    }

    static IllegalStateException at(String marker) {
        StackTraceElement caller = StackWalker.getInstance()
                .walk(s -> s.filter(f -> !f.getClassName().equals(Weft.class.getName())
                                && !f.getClassName().equals(NotWoven.class.getName()))
                        .findFirst()
                        .map(StackWalker.StackFrame::toStackTraceElement)
                        .orElse(null));
        String where = caller == null ? "an unknown method" : caller.toString();
        return new IllegalStateException(marker + " was called in " + where
                + ", which was not woven: mark the method @Async with return type Coroutine<T>,"
                + " and run with -javaagent:/path/to/weft-agent.jar (or weave at build time with"
                + " the weft build plugin). If the agent is present, look for an earlier"
                + " 'weft: cannot weave' line explaining why this method was left unchanged.");
    }
}
