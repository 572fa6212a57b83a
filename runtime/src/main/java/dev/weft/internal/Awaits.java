package dev.weft.internal;

import dev.weft.CancelledError;
import dev.weft.EventLoop;
import dev.weft.Future;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Awaiting things that are not weft's own: {@link CompletionStage}s from plain Java code.
 *
 * <p>A completed stage is read at once. A pending one is bridged to a loop-bound
 * {@link Future} completed through {@link EventLoop#callSoonThreadsafe}, because the stage may
 * complete on any thread while the awaiting task must resume on its loop's thread. Exceptions
 * are unwrapped from {@link CompletionException} so the original one reaches the await. If the
 * awaiting task is cancelled, the stage is cancelled with it, as asyncio cancels the future it
 * wraps ({@link StageBridge}); and a cancelled stage raises {@code CancelledError} at the await,
 * done or not.
 *
 * <p>Called on the loop thread only; stateless.
 */
final class Awaits {
    private Awaits() {
    }

    static Object foreign(Object awaitable, Frame caller) {
        if (awaitable == null) {
            throw new NullPointerException("Weft.await(null) in " + caller.site()
                    + ": await a Coroutine, a dev.weft.Future or a CompletionStage");
        }
        if (awaitable instanceof CompletionStage) {
            return stage((CompletionStage<?>) awaitable, caller);
        }
        throw new IllegalArgumentException("cannot await a " + awaitable.getClass().getName()
                + " in " + caller.site() + ": await a Coroutine, a dev.weft.Future or a CompletionStage");
    }

    private static Object stage(CompletionStage<?> stage, Frame caller) {
        CompletableFuture<?> cf = completable(stage);
        if (cf != null && cf.isDone()) {
            return joinUnwrapped(cf);
        }
        // Cancelling the awaiting task cancels the bridge, and with it the stage (StageBridge).
        Future<?> bridge = StageBridge.of(stage, caller.task().getLoop());
        return bridge.awaitFrom(caller);
    }

    private static CompletableFuture<?> completable(CompletionStage<?> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null; // a stage that cannot be viewed as a future: always bridge it
        }
    }

    private static Object joinUnwrapped(CompletableFuture<?> cf) {
        try {
            return cf.join();
        } catch (CompletionException e) {
            throw Sneaky.<RuntimeException>raise(unwrap(e));
        } catch (CancellationException e) {
            // A cancelled stage raises CancelledError at the await, as a cancelled future does
            // in asyncio, so that the awaiting task ends cancelled unless it catches it.
            if (e instanceof CancelledError) {
                throw e;
            }
            CancelledError c = new CancelledError("the awaited " + cf.getClass().getSimpleName()
                    + " was cancelled");
            c.initCause(e);
            throw c;
        }
    }

    private static Throwable unwrap(Throwable t) {
        return StageBridge.unwrap(t);
    }
}
