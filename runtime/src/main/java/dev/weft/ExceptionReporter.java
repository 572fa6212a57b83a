package dev.weft;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a loop sends the exceptions that escape its callbacks: asyncio's
 * {@code call_exception_handler} with its default handler.
 *
 * <p>An exception thrown by a callback must not end the loop, and must not vanish either. The
 * default logs the context's message and the exception at {@link Level#ERROR} on the
 * {@link System.Logger} named {@value #LOGGER}; a handler set with
 * {@link EventLoop#setExceptionHandler} replaces it. A handler that itself throws is logged
 * there too, followed by the original report.
 *
 * <p>Threading: confined to the loop's thread.
 */
final class ExceptionReporter {
    /** The name of the logger the default handler writes to. */
    static final String LOGGER = "dev.weft.EventLoop";
    private static final Logger LOG = System.getLogger(LOGGER);

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
                LOG.log(Level.ERROR, "Unhandled error in the event loop's exception handler", e);
            }
        }
        if (context.exception() != null) {
            LOG.log(Level.ERROR, context.message(), context.exception());
        } else {
            LOG.log(Level.ERROR, context.message());
        }
    }
}
