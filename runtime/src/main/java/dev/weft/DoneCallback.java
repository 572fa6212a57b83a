package dev.weft;

import java.util.function.Consumer;

/**
 * A done callback registered with {@link Future#addDoneCallback}, bound to its future: the
 * {@link Runnable} the loop queues when the future completes, so that scheduling it needs no
 * further wrapper or {@link Handle}.
 *
 * <p>Immutable; runs on the loop's thread.
 */
final class DoneCallback<T> implements Runnable {
    private final Future<T> future;
    private final Consumer<? super Future<T>> fn;

    DoneCallback(Future<T> future, Consumer<? super Future<T>> fn) {
        this.future = future;
        this.fn = fn;
    }

    /** Whether this registration is of {@code callback} (compared with {@code equals}). */
    boolean isOf(Object callback) {
        return fn.equals(callback);
    }

    @Override
    public void run() {
        fn.accept(future);
    }

    @Override
    public String toString() {
        return fn + " of " + future;
    }
}
