package dev.weft.net;

/**
 * Thrown when a stream reached EOF before a read got all it asked for: asyncio's
 * {@code IncompleteReadError}, raised by {@link StreamReader#readExactly} and
 * {@link StreamReader#readUntil}.
 *
 * <p>Unchecked, so it crosses {@code await} like any exception of a coroutine. Carries the bytes
 * read before EOF, which are no longer in the reader.
 */
public class IncompleteReadError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The bytes read before EOF; never null. */
    private final byte[] partial;
    /** The number of bytes expected, or -1 when a separator was expected. */
    private final int expected;

    /**
     * Creates the error.
     *
     * @param partial the bytes read before EOF; must not be null
     * @param expected how many bytes were expected, or -1 for "until a separator"
     */
    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of "
                + (expected < 0 ? "undefined" : Integer.toString(expected)) + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before EOF (the array itself, not a copy). */
    public byte[] partial() {
        return partial;
    }

    /** The number of bytes expected, or -1 when the read waited for a separator. */
    public int expected() {
        return expected;
    }
}
