package dev.weft.it.support;

import dev.weft.Future;
import dev.weft.Weft;

/**
 * Futures that complete on a later loop iteration, so that awaiting them really suspends the
 * awaiting coroutine (a completed future would take the fast path and prove nothing).
 *
 * <p>Call on the loop thread only.
 */
public final class Later {
    private Later() {
    }

    /** A future that completes with {@code value} on the next loop iteration. */
    public static <T> Future<T> value(T value) {
        Future<T> f = Weft.loop().createFuture();
        Weft.loop().callSoon(() -> f.setResult(value));
        return f;
    }

    /** A future that fails with {@code error} on the next loop iteration. */
    public static <T> Future<T> failure(Throwable error) {
        Future<T> f = Weft.loop().createFuture();
        Weft.loop().callSoon(() -> f.setException(error));
        return f;
    }
}
