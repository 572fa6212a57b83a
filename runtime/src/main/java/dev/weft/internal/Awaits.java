package dev.weft.internal;

import dev.weft.CancelledError;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
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
 * wraps ({@link StageFutures}); and a cancelled stage raises {@code CancelledError} at the await,
 * done or not. Two stages are special: the future of an eager {@code @Async} method's task on
 * the awaiting task's loop is awaited as that task ({@link TaskFuture}), and a stage awaited by
 * an eager body that runs without a loop is waited for by its driver ({@link OffLoopCall}).
 *
 * <p>Called on the loop thread, or on the thread running an off-loop eager body; stateless.
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
            try {
                return joinUnwrapped(cf);
            } catch (Throwable t) {
                if (!(t instanceof CancellationException)) { // made elsewhere: show who awaited it
                    AsyncStackTrace.awaitedInline(t, caller);
                }
                throw t;
            }
        }
        Object driver = caller.driver();
        if (!(driver instanceof Task)) {
            return OffLoopCall.await(stage, caller, driver); // an eager method's body, off the loop
        }
        EventLoop loop = ((Task<?>) driver).getLoop();
        if (cf instanceof TaskFuture && ((TaskFuture) cf).task().getLoop() == loop) {
            return ((TaskFuture) cf).task().awaitFrom(caller); // an eager method's task: no bridge
        }
        // Cancelling the awaiting task cancels the bridge, and with it the stage (StageFutures).
        Future<?> bridge = StageFutures.of(stage, loop);
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
            // Newer JDKs (25 among them) wrap the stored cancellation in a new one: look at the
            // stored one (a weft CancelledError, say), as older JDKs and the bridge path do.
            CancellationException stored = e.getCause() instanceof CancellationException
                    ? (CancellationException) e.getCause() : e;
            // A cancelled stage raises CancelledError at the await, as a cancelled future does
            // in asyncio, so that the awaiting task ends cancelled unless it catches it.
            if (stored instanceof CancelledError) {
                throw stored;
            }
            CancelledError c = new CancelledError("the awaited " + cf.getClass().getSimpleName()
                    + " was cancelled");
            c.initCause(stored);
            throw c;
        }
    }

    private static Throwable unwrap(Throwable t) {
        return StageFutures.unwrap(t);
    }
}
