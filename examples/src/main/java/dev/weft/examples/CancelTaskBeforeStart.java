package dev.weft.examples;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Cancels a task before it has started: {@link Task#cancel()} on a task that has not run yet
 * means its body never runs ("in task_func" is never printed), and awaiting the task throws
 * {@link CancelledError}, caught here directly since exceptions cross {@code await} unchanged.
 * Between the request and its delivery the task's repr says {@code cancelling}.
 *
 * <p>Mirrors the first program of seed 001, section 1.5.2 ("取消一个任务"); prints what the
 * Python program prints (the {@code coro=<...>} part of the task repr names the Java method and
 * source line instead of the Python ones). {@link CancelTaskWhileSleeping} is the second program.
 */
public final class CancelTaskBeforeStart {
    private CancelTaskBeforeStart() {
    }

    @Async
    static Coroutine<String> taskFunc() {
        System.out.println("in task_func");
        return Weft.done("the result");
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        System.out.println("creating task");
        Task<String> task = loop.createTask(taskFunc());

        System.out.println("canceling task");
        task.cancel();

        System.out.println("canceled task " + Repr.of(task));
        try {
            Weft.await(task);
        } catch (CancelledError e) {
            System.out.println("caught error from canceled task");
            return Weft.done();
        }
        // Python's try/except/else: reached only when the await did not throw.
        System.out.println("task result: " + Repr.of(task.result()));
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
