package dev.weft;

import dev.weft.internal.Sneaky;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * {@link Weft#wrapFuture}: a {@code java.util.concurrent.Future} seen as a loop-bound
 * {@link Future} (asyncio's {@code wrap_future}).
 *
 * <p>A {@link CompletableFuture} has callbacks, so it is chained: its completion, on whatever
 * thread, is posted to the loop with {@link EventLoop#callSoonThreadsafe}. Any other
 * {@code Future} can only be waited for by blocking, so a job of the loop's default executor
 * blocks in its {@code get()} (a future already done is read at once, without a thread). Both
 * ways, cancelling the wrapper cancels the wrapped future ({@code cancel(false)}, as asyncio's
 * chaining does), and the wrapped future's exception is the wrapper's, unwrapped from
 * {@link ExecutionException} and {@link CompletionException}; its cancellation cancels the
 * wrapper.
 *
 * <p>Loop thread only; stateless.
 */
final class FutureWrapping {
    private FutureWrapping() {
    }

    @SuppressWarnings("unchecked")
    static <T> Future<T> wrap(java.util.concurrent.Future<T> future, EventLoop loop) {
        Objects.requireNonNull(future, "future: pass the java.util.concurrent.Future to wrap");
        if (future instanceof Future && ((Future<T>) future).getLoop() == loop) {
            return (Future<T>) future;
        }
        if (future instanceof Future) {
            return chain(((Future<T>) future).toCompletableFuture(), loop);
        }
        if (future instanceof CompletableFuture) {
            return chain((CompletableFuture<T>) future, loop);
        }
        if (future.isDone()) {
            Future<T> f = loop.createFuture();
            settle(f, () -> future.get());
            return f;
        }
        Future<T> waiting = loop.executors.submit(null, () -> getUnwrapped(future), null, OnCancel.INTERRUPT);
        waiting.addDoneCallback(w -> {
            if (w.cancelled()) {
                future.cancel(false);
            }
        });
        return waiting;
    }

    private static <T> Future<T> chain(CompletableFuture<T> cf, EventLoop loop) {
        Future<T> f = loop.createFuture();
        if (cf.isDone()) {
            settle(f, cf::get);
            return f;
        }
        cf.whenComplete((v, e) -> {
            try {
                loop.callSoonThreadsafe(() -> settle(f, cf::get));
            } catch (IllegalStateException closed) {
                // the loop closed: nobody awaits the wrapper any more
            }
        });
        f.addDoneCallback(w -> {
            if (w.cancelled()) {
                cf.cancel(false);
            }
        });
        return f;
    }

    /** Blocks in {@code future.get()} on the executor's thread and rethrows its exception unwrapped. */
    private static <T> T getUnwrapped(java.util.concurrent.Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw Sneaky.<Exception>raise(e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            throw cancelled(e);
        }
    }

    /** Gives the pending {@code f} the outcome of the done future {@code get} reads. */
    private static <T> void settle(Future<T> f, java.util.concurrent.Callable<T> get) {
        if (f.done()) {
            return;
        }
        try {
            f.setResult(get.call());
        } catch (ExecutionException | CompletionException e) {
            f.setException(e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            f.cancel(e.getMessage());
        } catch (Throwable t) {
            f.setException(t);
        }
    }

    private static CancelledError cancelled(CancellationException e) {
        if (e instanceof CancelledError) {
            return (CancelledError) e;
        }
        CancelledError c = new CancelledError(e.getMessage());
        c.initCause(e);
        return c;
    }
}
