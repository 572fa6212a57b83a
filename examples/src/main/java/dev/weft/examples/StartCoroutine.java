package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Starts a coroutine: the simplest way to run one is to hand it to
 * {@link EventLoop#runUntilComplete(Coroutine)}, which runs the loop until the coroutine returns.
 *
 * <p>Calling the {@code @Async} method {@link #coroutine()} runs nothing: it only creates the
 * coroutine object, which is why "entering event loop" is printed before "in coroutine".
 *
 * <p>Mirrors seed 001, section 1.2.1 ("启动一个协程"); prints exactly what the Python program
 * prints.
 */
public final class StartCoroutine {
    private StartCoroutine() {
    }

    @Async
    static Coroutine<Void> coroutine() {
        System.out.println("in coroutine");
        return Weft.done();
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            System.out.println("starting coroutine");
            Coroutine<Void> coro = coroutine();
            System.out.println("entering event loop");
            eventLoop.runUntilComplete(coro);
        } finally {
            System.out.println("closing event loop");
            eventLoop.close();
        }
    }
}
