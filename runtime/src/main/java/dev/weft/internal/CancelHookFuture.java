package dev.weft.internal;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.util.Objects;

/**
 * A loop future that runs an action the moment it is cancelled, before its done callbacks are
 * even scheduled: what lets a cancellation reach a resource at once instead of one loop
 * iteration later.
 *
 * <p>A done callback would do the same work on the next iteration. That is too late where the
 * resource is a file descriptor or another thread's computation: {@code Weft.waitFor} raises its
 * {@code TimeoutError} in the very iteration the awaited future was cancelled, and the caller
 * that then counts its open sockets (or retries at once) must find the abandoned one closed.
 * The hook runs only when this future's own {@link #cancel(String)} succeeds — a task waiting on
 * it and being cancelled cancels it that way — never on a result or an exception.
 *
 * <p>Not API: used by {@code dev.weft} (a bridged {@code CompletionStage}) and {@code dev.weft.net}
 * (a connect in progress). Threading: loop thread only, like every future. Null policy: the hook
 * must not be null; an exception it throws propagates to the caller of {@code cancel}, after the
 * future is cancelled, so hooks must not throw.
 */
public final class CancelHookFuture<T> extends Future<T> {
    private Runnable onCancel;

    /**
     * A pending future of {@code loop} that runs {@code onCancel} once, when it is cancelled.
     * Loop thread only.
     */
    public CancelHookFuture(EventLoop loop, Runnable onCancel) {
        super(loop);
        LoopAccess.get().checkThread(loop);
        this.onCancel = Objects.requireNonNull(onCancel, "onCancel");
    }

    /** Cancels the future like {@link Future#cancel(String)}, then runs the hook once. */
    @Override
    public boolean cancel(String msg) {
        if (!super.cancel(msg)) {
            return false;
        }
        Runnable hook = onCancel;
        onCancel = null; // runs once, and the resource is not kept reachable from here
        hook.run();
        return true;
    }
}
