package dev.weft.examples.generators;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 004, section 8: {@code compute}/{@code print_sum}, the pre-3.5 spelling of a coroutine —
 * a generator function decorated with {@code @asyncio.coroutine} that waits with
 * {@code yield from} — run on an event loop.
 *
 * <p>weft has one way to write a coroutine, so {@code yield from coroutine} becomes
 * {@link Weft#await(Coroutine)} here, as in {@code dev.weft.examples.ChainGenerators};
 * {@code Weft.yieldFrom} is for synchronous generators, which cannot wait for the loop. The
 * Python copy this is checked against carries a shim for {@code @asyncio.coroutine}, which
 * Python 3.11 removed.
 */
public final class ComputePrintSum {
    private ComputePrintSum() {
    }

    @Async
    static Coroutine<Integer> compute(int x, int y) {
        System.out.println("Compute " + x + " + " + y + " ...");
        Weft.await(Weft.sleep(1000));
        return Weft.done(x + y);
    }

    @Async
    static Coroutine<Void> printSum(int x, int y) {
        int result = Weft.await(compute(x, y));
        System.out.println(x + " + " + y + " = " + result);
        return Weft.done();
    }

    /** Prints the sum of 1 and 2, computed after a one-second sleep. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(printSum(1, 2));
        } finally {
            loop.close();
        }
    }
}
