package dev.weft.examples.generators;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;

/**
 * Seed 004, section 5: {@code generator2()} delegates to {@code generator1()} with
 * {@code Weft.yieldFrom}. What the caller sends goes straight to {@code generator1()}; when it
 * returns, {@code yieldFrom} takes its {@code StopIteration} and returns the total to
 * {@code generator2()}, which prints it and delegates to a new {@code generator1()} — so, unlike
 * {@link SumWithoutDelegation}, the caller never sees an exception.
 */
public final class SumThroughDelegation {
    private SumThroughDelegation() {
    }

    @Async
    static Generator<Void, Integer> generator1() {
        int total = 0;
        for (;;) {
            Integer x = Weft.yield(null);
            System.out.println("加 " + Repr.of(x));
            if (x == null || x == 0) { // Python's "if not x"
                break;
            }
            total += x;
        }
        return Generator.returning(total);
    }

    @Async
    static Generator<Void, Integer> generator2() {
        for (;;) {
            Integer total = Weft.yieldFrom(generator1());
            System.out.println("加和总数是: " + total);
        }
    }

    /** Starts the delegating generator, sends 2, 3 and null. */
    public static void main(String[] args) {
        Generator<Void, Integer> g2 = generator2();
        g2.send(null);
        g2.send(2);
        g2.send(3);
        g2.send(null);
    }
}
