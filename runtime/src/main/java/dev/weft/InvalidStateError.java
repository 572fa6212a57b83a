package dev.weft;

/**
 * The exception thrown when a {@link Future} is used in a state that does not allow the
 * operation: asyncio's {@code InvalidStateError}. For example, reading the result of a pending
 * future, or setting the result of one that is already done.
 *
 * <p>Unchecked. Immutable once thrown.
 */
public class InvalidStateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what was attempted and in which state; may be null
     */
    public InvalidStateError(String message) {
        super(message);
    }
}
