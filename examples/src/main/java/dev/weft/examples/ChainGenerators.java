package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;

/**
 * The chain of {@link ChainCoroutines} in the seed's older spelling: before Python 3.5 a
 * coroutine was a generator function decorated with {@code @asyncio.coroutine} that delegated
 * with {@code yield from} instead of {@code await}.
 *
 * <p>weft has only one way to write a coroutine, so in Java this is the same program, written
 * with {@code @Async} and {@link Weft#await(Coroutine)} too: {@code yield from coroutine} becomes
 * {@code Weft.await(coroutine)}. (weft's {@code Generator} type with {@code Weft.yieldFrom} is
 * for synchronous generators, not for awaiting.) It is kept as its own example so that every seed
 * program has a Java counterpart whose output is checked.
 *
 * <p>Mirrors seed 001, section 1.2.4 ("生成器代替协程"); prints exactly what the Python program
 * prints.
 */
public final class ChainGenerators {
    private ChainGenerators() {
    }

    @Async
    static Coroutine<List<String>> outer() {
        System.out.println("in outer");
        System.out.println("waiting for result1");
        String result1 = Weft.await(phase1());
        System.out.println("waiting for result2");
        String result2 = Weft.await(phase2(result1));
        return Weft.done(List.of(result1, result2));
    }

    @Async
    static Coroutine<String> phase1() {
        System.out.println("in phase1");
        return Weft.done("result1");
    }

    @Async
    static Coroutine<String> phase2(String arg) {
        System.out.println("in phase2");
        return Weft.done("result2 derived from " + arg);
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            List<String> returnValue = eventLoop.runUntilComplete(outer());
            System.out.println("return value: " + Repr.tuple(returnValue));
        } finally {
            eventLoop.close();
        }
    }
}
