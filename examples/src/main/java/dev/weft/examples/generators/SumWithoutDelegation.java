package dev.weft.examples.generators;

import dev.weft.Generator;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;

/**
 * Seed 004, section 5: {@code generator1()} adds up what it is sent until it is sent null
 * (Python's {@code None}) or 0, and returns the total. Driven directly, its return ends it, so
 * the last {@code send} throws {@link StopIteration} carrying 5, which nothing catches: the
 * program prints three lines and then ends with the exception, as the Python program ends with a
 * traceback. {@link SumThroughDelegation} is the same generator behind {@code Weft.yieldFrom},
 * which takes the return value instead. (The seed's program also defines that delegating
 * generator here, without using it; this port leaves it out.)
 */
public final class SumWithoutDelegation {
    private SumWithoutDelegation() {
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

    /**
     * Starts the generator, sends 2, 3 and null.
     *
     * @throws StopIteration always, from the last send, carrying 5
     */
    public static void main(String[] args) {
        Generator<Void, Integer> g1 = generator1();
        g1.send(null);
        g1.send(2);
        g1.send(3);
        g1.send(null);
    }
}
