package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;

/**
 * Chains coroutines: {@link #outer()} awaits {@link #phase1()}, then passes its result to
 * {@link #phase2(String)}. Awaiting a coroutine runs it inline on the awaiting task, so the two
 * phases run in order without being handed to the loop.
 *
 * <p>The Python program returns the tuple {@code (result1, result2)}; here {@code outer} returns
 * an immutable {@link List} and prints it as that tuple.
 *
 * <p>Mirrors seed 001, section 1.2.3 ("串链协程"); prints exactly what the Python program prints.
 * {@link Main} runs this example when it is given no arguments.
 */
public final class ChainCoroutines {
    private ChainCoroutines() {
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
