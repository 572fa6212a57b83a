package dev.weft.internal;

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
 * are unwrapped from {@link CompletionException} so the original one reaches the await. Two
 * stages are special: the future of an eager {@code @Async} method's task on the awaiting task's
 * loop is awaited as that task ({@link TaskFuture}), and a stage awaited by an eager body that
 * runs without a loop is waited for by its driver ({@link OffLoopCall}).
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
            return joinUnwrapped(cf);
        }
        Object driver = caller.driver();
        if (!(driver instanceof Task)) {
            return OffLoopCall.await(stage, caller, driver); // an eager method's body, off the loop
        }
        EventLoop loop = ((Task<?>) driver).getLoop();
        if (cf instanceof TaskFuture && ((TaskFuture) cf).task().getLoop() == loop) {
            return ((TaskFuture) cf).task().awaitFrom(caller); // an eager method's task: no bridge
        }
        Future<Object> bridge = loop.createFuture();
        stage.whenComplete((value, error) -> loop.callSoonThreadsafe(() -> {
            if (bridge.done()) {
                return; // the awaiting task was cancelled meanwhile
            }
            if (error != null) {
                bridge.setException(unwrap(error));
            } else {
                bridge.setResult(value);
            }
        }));
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
            // Newer JDKs (25 among them) wrap the stored cancellation in a new one: rethrow the stored
            // one (a weft CancelledError, say), as older JDKs do and as the bridge path does
            throw e.getCause() instanceof CancellationException ? (CancellationException) e.getCause() : e;
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
