package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Wraps a coroutine in a task with {@link Weft#ensureFuture(Coroutine)} and hands the task to
 * other code, which awaits it as a plain {@link Future} without knowing how it was made.
 *
 * <p>The task does not run when it is created: it first runs when its creator suspends (here,
 * when {@link #inner(Future)} awaits it), which is why "wrapped" is printed after "inner: waiting
 * for".
 *
 * <p>Mirrors seed 001, section 1.5.3 ("从协程创建任务"); prints what the Python program prints
 * (the {@code coro=<...>} part of the task repr names the Java method and source line instead of
 * the Python ones).
 */
public final class EnsureFuture {
    private EnsureFuture() {
    }

    @Async
    static Coroutine<String> wrapped() {
        System.out.println("wrapped");
        return Weft.done("result");
    }

    @Async
    static Coroutine<Void> inner(Future<String> task) {
        System.out.println("inner: starting");
        System.out.println("inner: waiting for " + Repr.of(task));
        String result = Weft.await(task);
        System.out.println("inner: task returned " + Repr.of(result));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> starter() {
        System.out.println("starter: creating task");
        Task<String> task = Weft.ensureFuture(wrapped());
        System.out.println("starter: waiting for inner");
        Weft.await(inner(task));
        System.out.println("starter: inner returned");
        return Weft.done();
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            System.out.println("entering event loop");
            eventLoop.runUntilComplete(starter());
        } finally {
            eventLoop.close();
        }
    }
}
