package dev.weft.sync;

/**
 * The exception a {@link Barrier} throws into the tasks waiting at it when it is reset or
 * aborted, and into every {@code arrive} while it is broken: asyncio's
 * {@code BrokenBarrierError}.
 *
 * <p>Unchecked, so it crosses {@code await} like any exception of a coroutine; a
 * {@link IllegalStateException}, as asyncio's is a {@code RuntimeError}. It lives in this
 * package, with the primitive that throws it, as the stream errors live in {@code dev.weft.net};
 * only the errors of futures and tasks themselves are in {@code dev.weft}.
 */
public class BrokenBarrierError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message why the barrier broke; may be null
     */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
