package dev.weft;

import java.util.concurrent.CancellationException;

/**
 * The exception that reports a cancelled {@link Future} or {@link Task}: asyncio's
 * {@code CancelledError}.
 *
 * <p>It is thrown into a cancelled task at the {@code await} where the task is suspended, and by
 * {@link Future#result()} of a cancelled future. It extends {@link CancellationException}, so
 * code written against {@code java.util.concurrent} recognises it too. The message is the one
 * given to {@code cancel(String)}, or null.
 */
public class CancelledError extends CancellationException {
    private static final long serialVersionUID = 1L;

    /** Creates a cancellation error without a message. */
    public CancelledError() {
        super();
    }

    /**
     * Creates a cancellation error.
     *
     * @param message the cancellation message; may be null
     */
    public CancelledError(String message) {
        super(message);
    }
}
