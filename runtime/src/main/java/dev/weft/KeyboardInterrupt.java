package dev.weft;

/**
 * The exception {@link Weft#run(Coroutine)} throws when Ctrl-C (SIGINT) ended its program:
 * Python's {@code KeyboardInterrupt}, which {@code asyncio.run} raises in the same case since
 * Python 3.11.
 *
 * <p>The first SIGINT cancels the main task; its {@code finally} blocks and {@code catch
 * (CancelledError e)} clauses run, the other tasks are cancelled and their cleanup awaited, and
 * then {@code Weft.run} throws this exception, with the main task's {@link CancelledError} as
 * its cause. A dedicated type, rather than the {@code CancelledError} itself, tells a program
 * that the user interrupted it from one whose main task was cancelled by its own code, and it
 * is not a {@link java.util.concurrent.CancellationException}, so code catching those does not
 * swallow a Ctrl-C by accident (as in Python, where {@code KeyboardInterrupt} is not an
 * {@code Exception}). If the main task swallows the cancellation and returns, {@code Weft.run}
 * returns its value and nothing is thrown, as in asyncio.
 */
public class KeyboardInterrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param cause the main task's cancellation; may be null
     */
    public KeyboardInterrupt(Throwable cause) {
        super("interrupted by SIGINT (Ctrl-C): the main task was cancelled", cause);
    }
}
