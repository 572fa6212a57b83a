package dev.weft;

import dev.weft.internal.Frame;
import dev.weft.internal.TaskFuture;
import java.util.concurrent.CompletableFuture;

/**
 * Starts an eager {@code @Async} method (one declared to return {@code CompletableFuture<T>} or
 * {@code CompletionStage<T>}) called on a loop thread: its body becomes a task of that loop whose
 * first step runs at once, inside the call, as asyncio's eager tasks do.
 *
 * <p>The task is made without being queued and stepped in place; a step saves and restores the
 * loop's current task and context around itself, so this works from inside another task's step
 * as well as from a plain callback. During the step the body is the current task and runs in a
 * copy of the caller's {@link ContextVar} values; what it sets there stays its own. A body that
 * finishes in that step yields an already completed {@code CompletableFuture} (the task is done
 * and forgotten: nothing is reported for it); one that suspends yields a {@link TaskFuture} that
 * the task completes.
 *
 * <p>Stateless; loop thread only.
 */
final class EagerCall {
    private EagerCall() {
    }

    static CompletableFuture<Object> start(EventLoop loop, Frame frame) {
        Task<Object> task = Task.startEagerly(loop, asCoroutine(frame), null);
        if (task.done()) {
            return TaskFuture.settled(task);
        }
        return TaskFuture.of(task);
    }

    @SuppressWarnings("unchecked")
    private static Coroutine<Object> asCoroutine(Frame frame) {
        return (Coroutine<Object>) (Coroutine<?>) frame;
    }
}
