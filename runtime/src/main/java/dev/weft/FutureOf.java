package dev.weft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Turns the awaitables the combinators accept into futures of one loop: a {@link Future} (or
 * {@link Task}) is used as it is, a {@link Coroutine} is wrapped in a task (so it starts running,
 * as asyncio's {@code ensure_future} does), a {@link CompletionStage} is bridged (cancelling the
 * bridge cancels the stage, unless it is shielded). Also copies one
 * future's outcome into another.
 *
 * <p>Loop thread only; stateless.
 */
final class FutureOf {
    private FutureOf() {
    }

    @SuppressWarnings("unchecked")
    static <T> Future<T> of(Object awaitable, EventLoop loop) {
        if (awaitable instanceof Future) {
            return (Future<T>) awaitable;
        }
        if (awaitable instanceof Coroutine) {
            return loop.createTask((Coroutine<T>) awaitable);
        }
        if (awaitable instanceof CompletionStage) {
            // Cancelling the bridge (a waitFor timeout, a cancelled gather) cancels the stage.
            return dev.weft.internal.StageFutures.of((CompletionStage<T>) awaitable, loop);
        }
        throw notAwaitable(awaitable);
    }

    /**
     * Checks that the combinators accept {@code awaitable}: a coroutine, a future or a stage.
     *
     * @throws IllegalArgumentException otherwise, null included
     */
    static void requireAwaitable(Object awaitable) {
        if (!(awaitable instanceof Future || awaitable instanceof Coroutine || awaitable instanceof CompletionStage)) {
            throw notAwaitable(awaitable);
        }
    }

    private static IllegalArgumentException notAwaitable(Object awaitable) {
        return new IllegalArgumentException("not awaitable: " + (awaitable == null ? "null"
                : awaitable.getClass().getName()) + " (pass a Coroutine, a Future or a CompletionStage)");
    }

    static <T> List<Future<T>> all(Iterable<?> awaitables, EventLoop loop) {
        List<Future<T>> out = awaitables instanceof Collection
                ? new ArrayList<>(((Collection<?>) awaitables).size()) : new ArrayList<>();
        for (Object a : awaitables) {
            out.add(of(a, loop));
        }
        return out;
    }

    /** Gives {@code to} the outcome of the done future {@code from}, unless {@code to} is done. */
    static <T> void copy(Future<T> from, Future<T> to) {
        if (to.done()) {
            return;
        }
        if (from.cancelled()) {
            to.cancel();
        } else if (from.exception() != null) {
            to.setException(from.exception());
        } else {
            to.setResult(from.result());
        }
    }
}
