package dev.weft.internal;

import dev.weft.CancelledError;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link CompletableFuture} an eager {@code @Async} method (one declared to return
 * {@code CompletableFuture<T>} or {@code CompletionStage<T>}) returns when it was called on a loop
 * thread and its body suspended: the body goes on as {@link #task()}, and the task's outcome
 * completes this future.
 *
 * <p>The task completes this future from a done callback, so on the loop's thread, one callback
 * turn after the task ends, unless this future was completed or cancelled before. A weft task
 * that awaits this future on the same loop awaits the task itself instead (see {@code Awaits}):
 * it resumes with the task, gets its exception unwrapped, and cancelling it cancels the body, as
 * awaiting a task does.
 *
 * <p>Cancellation: {@link #cancel} completes this future with a {@link CancelledError} at once
 * (so {@code isCancelled()} is true when it returns, as {@code CompletableFuture} promises) and
 * cancels the task, which throws a {@code CancelledError} into the body at the await where it
 * waits, so its {@code finally} blocks run. On the loop's thread the task is cancelled in the
 * call; from another thread through {@link EventLoop#callSoonThreadsafe}, or not at all if the
 * loop is closed by then. What the body returns afterwards is dropped. A task still pending
 * when {@code Weft.run} ends is cancelled with the other leftovers, and this future with it; a
 * loop closed by hand with the task still pending leaves both pending.
 *
 * <p>Threading: any thread.
 */
public final class TaskFuture extends CompletableFuture<Object> {
    private final Task<Object> task;

    TaskFuture(Task<Object> task) {
        this.task = task;
    }

    /**
     * Makes the future that {@code task}, the eager body's task, completes; its first step has
     * run and suspended. Called on the loop thread.
     */
    public static CompletableFuture<Object> of(Task<Object> task) {
        TaskFuture cf = new TaskFuture(task);
        task.addDoneCallback(cf::settle);
        return cf;
    }

    /** A completed future holding the outcome of {@code done}, a task that has finished. */
    public static CompletableFuture<Object> settled(Future<Object> done) {
        try {
            return CompletableFuture.completedFuture(done.result());
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    /** The task that runs the body. */
    public Task<Object> task() {
        return task;
    }

    private void settle(Future<Object> done) {
        try {
            complete(done.result());
        } catch (Throwable t) {
            completeExceptionally(t); // a CancelledError makes this future cancelled
        }
    }

    /**
     * Cancels this future and the body's task: see the class comment.
     *
     * @param mayInterruptIfRunning ignored: the body is never interrupted, it gets a
     *     {@code CancelledError} at its await
     * @return whether this future is now cancelled
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!completeExceptionally(new CancelledError())) {
            return isCancelled();
        }
        EventLoop loop = task.getLoop();
        if (LoopAccess.get().owner(loop) == Thread.currentThread()) {
            task.cancel();
        } else if (!loop.isClosed()) {
            try {
                loop.callSoonThreadsafe(task::cancel);
            } catch (IllegalStateException closedMeanwhile) {
                // the loop closed after the check: it cancelled its pending tasks itself
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "<eager @Async call " + task + " " + super.toString() + ">";
    }
}
