package dev.weft.examples;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Seed 004: {@code Weft.yieldFrom} over plain iterables (a range and a list) and over another
 * generator, whose return value the delegating generator returns.
 */
public final class YieldFromIterables {
    private YieldFromIterables() {
    }

    @Async
    static Generator<Integer, Void> func() {
        Weft.yieldFrom(IntStream.range(1, 10).boxed().toList());
        Weft.yieldFrom(List.of(1, 2, 3));
        return null;
    }

    @Async
    static Generator<Integer, Void> subGen() {
        Weft.yield(1);
        Weft.yield(2);
        Weft.yield(3);
        return null;
    }

    @Async
    static Generator<Integer, Void> gen() {
        Object result = Weft.yieldFrom(subGen());
        return Generator.returning(result);
    }

    /** Prints 1..9, 1..3, then 1..3 again through the delegating generator. */
    public static void main(String[] args) {
        for (int each : func()) {
            System.out.println(each);
        }
        for (int val : gen()) {
            System.out.println(val);
        }
    }
}
