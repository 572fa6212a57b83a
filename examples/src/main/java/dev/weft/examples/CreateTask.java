package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Starts a task with {@link EventLoop#createTask(Coroutine)}: the task runs its coroutine
 * concurrently, on a later loop iteration, and is a {@link dev.weft.Future}, so another coroutine
 * can await its result. The task's {@code toString()} follows asyncio's repr: pending before it
 * runs, finished with its result after.
 *
 * <p>Mirrors seed 001, section 1.5.1 ("启动一个任务"); prints what the Python program prints (the
 * {@code coro=<...>} part of the task repr names the Java method and source line instead of the
 * Python ones).
 */
public final class CreateTask {
    private CreateTask() {
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
        System.out.println("waiting for " + Repr.of(task));
        String returnValue = Weft.await(task);
        System.out.println("task completed " + Repr.of(task));
        System.out.println("return value: " + Repr.of(returnValue));
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
