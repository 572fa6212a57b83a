package dev.weft.net;

/**
 * Thrown when a line or a chunk up to a separator is longer than the stream reader's limit:
 * asyncio's {@code LimitOverrunError}, raised by {@link StreamReader#readUntil} and
 * {@link StreamReader#readLine}.
 *
 * <p>Unchecked. After {@code readUntil} the bytes stay in the reader ({@link #consumed()} says
 * how many to skip); {@code readLine} has already discarded them, as asyncio's does, so reading
 * can go on.
 */
public class LimitOverrunError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /**
     * Creates the error.
     *
     * @param message what overran
     * @param consumed how many bytes are to be consumed (skipped) to get past the problem
     */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many buffered bytes belong to the over-long chunk. */
    public int consumed() {
        return consumed;
    }
}
