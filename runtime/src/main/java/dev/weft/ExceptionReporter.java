package dev.weft;

import java.util.function.BiConsumer;

/**
 * Where a loop sends the exceptions that escape its callbacks: asyncio's
 * {@code call_exception_handler} with its default handler.
 *
 * <p>An exception thrown by a callback must not end the loop, and must not vanish either. The
 * default prints the context (which callback, which handler) and the stack trace to
 * {@code System.err}; a handler set with {@link EventLoop#setExceptionHandler} replaces it. A
 * handler that itself throws is reported on {@code System.err} together with the original.
 *
 * <p>Threading: confined to the loop's thread.
 */
final class ExceptionReporter {
    private BiConsumer<String, Throwable> handler;

    /** Replaces the handler; null restores the default. */
    void setHandler(BiConsumer<String, Throwable> handler) {
        this.handler = handler;
    }

    /** Reports {@code t}, which escaped the callback described by {@code context}. */
    void report(String context, Throwable t) {
        BiConsumer<String, Throwable> h = handler;
        if (h != null) {
            try {
                h.accept(context, t);
                return;
            } catch (Throwable e) {
                System.err.println("Unhandled error in the event loop's exception handler");
                e.printStackTrace();
            }
        }
        System.err.println(context);
        t.printStackTrace();
    }
}
