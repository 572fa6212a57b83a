package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Awaits a future inside a coroutine: {@link Weft#await(Future)} suspends the coroutine until a
 * callback sets the future's result, then returns that result, just as awaiting a coroutine
 * returns its value. The same code can therefore wait for either.
 *
 * <p>Mirrors the second program of seed 001, section 1.4.1 ("等待future"); prints exactly what
 * the Python program prints. {@link AwaitFutureUntilComplete} is the first program.
 */
public final class AwaitFuture {
    private AwaitFuture() {
    }

    static void markDone(Future<String> future, String result) {
        System.out.println("setting future result to " + Repr.of(result));
        future.setResult(result);
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        Future<String> allDone = loop.createFuture();

        System.out.println("scheduling mark_done");
        loop.callSoon(() -> markDone(allDone, "the result"));

        String result = Weft.await(allDone);
        System.out.println("returned result: " + Repr.of(result));
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
