package dev.weft;

/**
 * The exception thrown when an operation did not complete before its deadline: asyncio's
 * {@code TimeoutError} (raised, for example, by {@code Weft.waitFor} and {@code Weft.timeout}).
 *
 * <p>Unchecked, unlike {@link java.util.concurrent.TimeoutException}, because it crosses
 * {@code await} like any other exception of a coroutine.
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates a timeout error without a message. */
    public TimeoutError() {
        super();
    }

    /**
     * Creates a timeout error.
     *
     * @param message what timed out; may be null
     */
    public TimeoutError(String message) {
        super(message);
    }

    /**
     * Creates a timeout error with a cause, for example the {@link CancelledError} of the
     * operation that was cancelled when its time ran out.
     *
     * @param message what timed out; may be null
     * @param cause the underlying exception; may be null
     */
    public TimeoutError(String message, Throwable cause) {
        super(message, cause);
    }
}
