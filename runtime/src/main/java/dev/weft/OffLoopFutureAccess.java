package dev.weft;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connects a loop-bound {@link Future} with the thread-based world of
 * {@code java.util.concurrent}: blocking {@code get()} from other threads and conversion to
 * {@link CompletableFuture}.
 *
 * <p>A {@code Future} is only ever completed on its loop's thread, so another thread cannot
 * simply read it in a loop or register a callback itself. It instead asks the loop, through
 * {@link EventLoop#callSoonThreadsafe}, to register a done callback that completes a
 * {@code CompletableFuture}, and blocks on that. The outcome is then read from the future itself:
 * the future's state is published with release semantics and the {@code CompletableFuture}'s
 * completion happens after it, so the reading thread sees the final value.
 *
 * <p>Stateless; safe on any thread.
 */
final class OffLoopFutureAccess {
    private OffLoopFutureAccess() {
    }

    /**
     * {@link java.util.concurrent.Future#get(long, TimeUnit)} of {@code future}.
     *
     * @param timeoutNanos the longest wait, or a negative value to wait without limit
     */
    static <T> T get(Future<T> future, long timeoutNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!future.done()) {
            waitOffLoop(future, timeoutNanos);
        }
        if (future.cancelled()) {
            return future.result(); // throws the CancelledError, a CancellationException
        }
        Throwable failure = future.exception();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return future.result();
    }

    private static void waitOffLoop(Future<?> future, long timeoutNanos)
            throws InterruptedException, TimeoutException {
        if (future.getLoop().inOwnerThread()) {
            throw new IllegalStateException("get() of a pending future on its event loop's thread "
                    + "would block the loop forever: await it in an @Async method instead");
        }
        CompletableFuture<?> signal = toCompletableFuture(future);
        try {
            if (timeoutNanos < 0) {
                signal.get();
            } else {
                signal.get(timeoutNanos, TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | CancellationException e) {
            // Only the completion matters; the caller reads the outcome from the future itself.
        }
    }

    /** {@link Future#toCompletableFuture()}; see there. */
    static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        if (future.done()) {
            copy(future, cf);
        } else if (future.getLoop().inOwnerThread()) {
            future.addDoneCallback(f -> copy(f, cf));
        } else {
            future.getLoop().callSoonThreadsafe(() -> future.addDoneCallback(f -> copy(f, cf)));
        }
        return cf;
    }

    /** Completes {@code cf} like the done {@code future}: result, exception or cancellation. */
    static <T> void copy(Future<T> future, CompletableFuture<T> cf) {
        T value;
        try {
            value = future.result();
        } catch (Throwable t) {
            // A CancelledError is a CancellationException, so cf reports itself cancelled.
            cf.completeExceptionally(t);
            return;
        }
        cf.complete(value);
    }
}
