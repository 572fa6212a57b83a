package dev.weft;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Weft#runCoroutineThreadsafe}: a coroutine handed from any thread to a loop running on
 * another, and the {@link CompletableFuture} that the other thread waits on.
 *
 * <p>The coroutine becomes a task on the loop's thread, through
 * {@link EventLoop#callSoonThreadsafe}. The two futures are chained both ways, as asyncio's
 * {@code _chain_future} does: the task's outcome (result, exception unwrapped, or cancellation)
 * completes the {@code CompletableFuture}; cancelling the {@code CompletableFuture}, from any
 * thread, cancels the task on its loop. A cancellation that comes before the task exists
 * cancels it before its first step, so the coroutine never runs.
 *
 * <p>Stateless; safe on any thread.
 */
final class CoroutineHandoff {
    private CoroutineHandoff() {
    }

    static <T> CompletableFuture<T> submit(Coroutine<T> coro, EventLoop loop) {
        Objects.requireNonNull(coro, "coro: pass the coroutine to run on the loop");
        Objects.requireNonNull(loop, "loop: pass the event loop to run the coroutine on");
        if (loop.isClosed()) {
            throw new IllegalStateException("runCoroutineThreadsafe: " + loop + " is closed: nothing "
                    + "would ever run the coroutine; hand it to a running loop");
        }
        if (!loop.isRunning()) {
            throw new IllegalStateException("runCoroutineThreadsafe: " + loop + " is not running, "
                    + "so nothing would run the coroutine (and the future would never complete): "
                    + "start the loop on its thread first (runForever), and wait until isRunning() "
                    + "is true, for instance with a latch counted down by a callSoonThreadsafe callback");
        }
        CompletableFuture<T> cf = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> start(coro, loop, cf));
        return cf;
    }

    /** On the loop's thread. */
    private static <T> void start(Coroutine<T> coro, EventLoop loop, CompletableFuture<T> cf) {
        Task<T> task = loop.createTask(coro);
        task.addDoneCallback(t -> OffLoopFutureAccess.copy(t, cf));
        cf.whenComplete((v, e) -> {
            if (cf.isCancelled() && !task.done()) {
                cancelOnLoop(task, loop);
            }
        });
    }

    /** Cancels {@code task} on its loop, from whatever thread cancelled the future. */
    private static void cancelOnLoop(Task<?> task, EventLoop loop) {
        if (loop.inOwnerThread()) {
            task.cancel();
            return;
        }
        try {
            loop.callSoonThreadsafe(() -> {
                if (!task.done()) {
                    task.cancel();
                }
            });
        } catch (IllegalStateException closed) {
            // the loop closed meanwhile; its shutdown cancelled (or finished) the task
        }
    }
}
