package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Registers callbacks on a future with {@link Future#addDoneCallback}: when the result is set,
 * they are called in the order they were registered, each with the future. They never run inline
 * in {@code setResult}; the loop runs them on its next iteration, which is why "setting result of
 * future" is printed first.
 *
 * <p>A done callback receives only the future; Python binds the extra argument {@code n} with
 * {@code functools.partial}, Java with a lambda.
 *
 * <p>Mirrors seed 001, section 1.4.2 ("Future回调"); prints exactly what the Python program
 * prints.
 */
public final class FutureCallbacks {
    private FutureCallbacks() {
    }

    static void callback(Future<String> future, int n) {
        System.out.println(n + ": future done: " + future.result());
    }

    @Async
    static Coroutine<Void> registerCallbacks(Future<String> allDone) {
        System.out.println("registering callbacks on future");
        allDone.addDoneCallback(future -> callback(future, 1));
        allDone.addDoneCallback(future -> callback(future, 2));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> main(Future<String> allDone) {
        Weft.await(registerCallbacks(allDone));
        System.out.println("setting result of future");
        allDone.setResult("the result");
        return Weft.done();
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            Future<String> allDone = eventLoop.createFuture();
            eventLoop.runUntilComplete(main(allDone));
        } finally {
            eventLoop.close();
        }
    }
}
