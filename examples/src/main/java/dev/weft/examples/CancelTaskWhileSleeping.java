package dev.weft.examples;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Cancels a task while it is suspended: the task sleeps, a callback cancels it, and the
 * {@link CancelledError} is thrown inside the task at the {@code await} where it sleeps. The task
 * cleans up and rethrows, and the coroutine awaiting the task sees the same error. The one-second
 * sleep never completes, so the example ends at once.
 *
 * <p>Mirrors the second program of seed 001, section 1.5.2 ("取消一个任务"); prints exactly what
 * the Python program prints. {@link CancelTaskBeforeStart} is the first program.
 */
public final class CancelTaskWhileSleeping {
    private CancelTaskWhileSleeping() {
    }

    @Async
    static Coroutine<String> taskFunc() {
        System.out.println("in task_func, sleeping");
        try {
            Weft.await(Weft.sleep(1000));
        } catch (CancelledError e) {
            System.out.println("task_func was canceled");
            throw e;
        }
        return Weft.done("the result");
    }

    static void taskCanceller(Task<?> t) {
        System.out.println("in task_canceller");
        t.cancel();
        System.out.println("canceled the task");
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        System.out.println("creating task");
        Task<String> task = loop.createTask(taskFunc());
        loop.callSoon(() -> taskCanceller(task));
        try {
            Weft.await(task);
        } catch (CancelledError e) {
            System.out.println("main() also sees task as canceled");
        }
        return Weft.done();
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            eventLoop.runUntilComplete(main(eventLoop));
        } finally {
            eventLoop.close();
        }
    }
}
