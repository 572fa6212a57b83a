package dev.weft;

/**
 * Thrown into a suspended generator at its {@code Weft.yield} by {@link Generator#close()}:
 * Python's {@code GeneratorExit}. The generator's {@code finally} blocks run; it must then
 * finish (or rethrow this), not yield again.
 *
 * <p>It extends {@link Error}, not {@link RuntimeException}, for the reason Python makes it a
 * {@code BaseException}: a {@code catch (Exception e)} inside a generator must not swallow the
 * request to close. Immutable.
 */
public class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates the exception {@code close()} throws into a generator. */
    public GeneratorExit() {
        super("generator closed");
    }
}
