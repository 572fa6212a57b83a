package dev.weft.internal;

/**
 * Rethrows any {@link Throwable}, checked or not, without wrapping it: exceptions cross
 * {@code await} unchanged, as they do in Python.
 *
 * <p>Stateless; safe on any thread.
 */
public final class Sneaky {
    private Sneaky() {
    }

    /**
     * Throws {@code t} as it is. Declared to return an exception so callers can write
     * {@code throw Sneaky.raise(t)} and keep the compiler's flow analysis.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> E raise(Throwable t) throws E {
        throw (E) t;
    }
}
