package dev.weft.examples.generators;

import static dev.weft.examples.generators.Priming.primed;

import dev.weft.Generator;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 004, section 5, "without the channel" (不使用通道): {@code add()} sums what it is sent
 * until {@code "close"} and is driven directly, with no delegating generator in between. Its
 * return ends it, so the last {@code send} throws {@link StopIteration} carrying the sum, which
 * the program catches and prints — as {@code dev.weft.examples.AccumulatorDelegation}, the
 * version with the channel, does.
 */
public final class AccumulatorWithoutDelegation {
    private AccumulatorWithoutDelegation() {
    }

    /** Sends Integers to add, or the String {@code "close"} to end: Python's loose typing. */
    @Async
    static Generator<Void, Object> add() {
        int res = 0;
        for (;;) {
            Object i = Weft.yield(null);
            if ("close".equals(i)) {
                break;
            } else {
                res += (Integer) i;
            }
        }
        return Generator.returning(res);
    }

    static void run() {
        Generator<Void, Object> gen = primed(add());
        gen.send(1);
        gen.send(2);
        gen.send(3);
        gen.send(4);
        Object x = gen.send("close"); // throws: add() returns here
        System.out.println(x);
    }

    /** Sends 1..4 and then {@code "close"}; prints the sum the StopIteration carries. */
    public static void main(String[] args) {
        try {
            run();
        } catch (StopIteration e) {
            System.out.println(e.<Integer>value());
        }
    }
}
