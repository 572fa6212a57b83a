package dev.weft;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a loop sends the exceptions that escape its callbacks: asyncio's
 * {@code call_exception_handler} with its default handler.
 *
 * <p>An exception thrown by a callback must not end the loop, and must not vanish either. The
 * default prints the context's message and the stack trace to {@code System.err}; a handler set
 * with {@link EventLoop#setExceptionHandler} replaces it. A handler that itself throws is
 * reported on {@code System.err} together with the original.
 *
 * <p>Threading: confined to the loop's thread.
 */
final class ExceptionReporter {
    private Consumer<ExceptionContext> handler;

    /** Replaces the handler; null restores the default. */
    void setHandler(Consumer<ExceptionContext> handler) {
        this.handler = handler;
    }

    /** Replaces the handler with one that receives the message and the exception; null restores the default. */
    void setHandler(BiConsumer<String, Throwable> handler) {
        this.handler = handler == null ? null : context -> handler.accept(context.message(), context.exception());
    }

    /** Reports what {@code context} describes. */
    void report(ExceptionContext context) {
        Consumer<ExceptionContext> h = handler;
        if (h != null) {
            try {
                h.accept(context);
                return;
            } catch (Throwable e) {
                System.err.println("Unhandled error in the event loop's exception handler");
                e.printStackTrace();
            }
        }
        System.err.println(context.message());
        if (context.exception() != null) {
            context.exception().printStackTrace();
        }
    }
}
