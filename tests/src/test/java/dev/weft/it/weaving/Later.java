package dev.weft.it.weaving;

import dev.weft.Future;
import dev.weft.Weft;

/**
 * Futures completed on a later loop iteration, so that awaiting them really suspends.
 * Loop thread only.
 */
final class Later {
    private Later() {
    }

    static <T> Future<T> value(T value) {
        Future<T> f = Weft.loop().createFuture();
        Weft.loop().callSoon(() -> f.setResult(value));
        return f;
    }

    static <T> Future<T> failure(Throwable error) {
        Future<T> f = Weft.loop().createFuture();
        Weft.loop().callSoon(() -> f.setException(error));
        return f;
    }
}
