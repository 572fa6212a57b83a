package dev.weft.examples;

import dev.weft.EventLoop;
import dev.weft.Future;

/**
 * Waits for a future with {@link EventLoop#runUntilComplete(Future)}: a callback scheduled with
 * {@link EventLoop#callSoon(Runnable)} sets the future's result, which ends the loop run and is
 * returned. The future keeps its result, so it can still be read after the loop is closed.
 *
 * <p>Python's {@code asyncio.Future()} binds itself to the current event loop; weft has no
 * implicit loop, so the future comes from {@link EventLoop#createFuture()}.
 *
 * <p>Mirrors the first program of seed 001, section 1.4.1 ("等待future"); prints exactly what the
 * Python program prints. {@link AwaitFuture} is the second program.
 */
public final class AwaitFutureUntilComplete {
    private AwaitFutureUntilComplete() {
    }

    static void markDone(Future<String> future, String result) {
        System.out.println("setting future result to " + Repr.of(result));
        future.setResult(result);
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        Future<String> allDone;
        try {
            allDone = eventLoop.createFuture();

            System.out.println("scheduling mark_done");
            eventLoop.callSoon(() -> markDone(allDone, "the result"));

            System.out.println("entering event loop");
            String result = eventLoop.runUntilComplete(allDone);
            System.out.println("returned result: " + Repr.of(result));
        } finally {
            System.out.println("closing event loop");
            eventLoop.close();
        }

        System.out.println("future result: " + Repr.of(allDone.result()));
    }
}
