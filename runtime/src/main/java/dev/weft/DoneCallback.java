package dev.weft;

import java.util.function.Consumer;

/**
 * A done callback registered with {@link Future#addDoneCallback}, bound to its future: the
 * {@link Runnable} the loop queues when the future completes, so that scheduling it needs no
 * further wrapper or {@link Handle}.
 *
 * <p>It runs in the {@link ContextVar} context that was current when it was registered.
 *
 * <p>Immutable; runs on the loop's thread.
 */
final class DoneCallback<T> implements Runnable {
    private final Future<T> future;
    private final Consumer<? super Future<T>> fn;
    private final Context context;

    DoneCallback(Future<T> future, Consumer<? super Future<T>> fn) {
        this.future = future;
        this.fn = fn;
        this.context = future.getLoop().context; // registered on the loop thread (checked)
    }

    /** Whether this registration is of {@code callback} (compared with {@code equals}). */
    boolean isOf(Object callback) {
        return fn.equals(callback);
    }

    @Override
    public void run() {
        EventLoop loop = future.getLoop();
        Context outer = loop.context;
        loop.context = context;
        try {
            fn.accept(future);
        } finally {
            loop.context = outer;
        }
    }

    @Override
    public String toString() {
        return fn + " of " + future;
    }
}
