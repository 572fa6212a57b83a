package dev.weft.examples;

import dev.weft.Generator;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 004: {@code add()} sums what it is sent until {@code "close"}; {@code parent()} delegates
 * to it with {@code Weft.yieldFrom} and returns the sum, so the last {@code send} ends the parent
 * with a {@link StopIteration} carrying 10 — which the program catches and prints, as the seed
 * does.
 */
public final class AccumulatorDelegation {
    private AccumulatorDelegation() {
    }

    @Async
    static Generator<Void, Object> add() {
        int res = 0;
        for (;;) {
            Object i = Weft.yield(null);
            if ("close".equals(i)) {
                break;
            }
            res += (Integer) i;
        }
        return Generator.returning(res);
    }

    @Async
    static Generator<Void, Object> parent() {
        Integer a = Weft.yieldFrom(add());
        return Generator.returning(a);
    }

    static void run() {
        Generator<Void, Object> gen = parent();
        gen.next();
        gen.send(1);
        gen.send(2);
        gen.send(3);
        gen.send(4);
        Object x = gen.send("close");
        System.out.println(x);
    }

    /** Sends 1..4 and then "close"; prints the sum the StopIteration carries. */
    public static void main(String[] args) {
        try {
            run();
        } catch (StopIteration e) {
            System.out.println(e.<Integer>value());
        }
    }
}
