package dev.weft.examples;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 000: the {@code fib()} generator, consumed by a for-each loop. The seed's loop runs
 * forever; this one (like the Python copy it is checked against) stops after ten numbers.
 */
public final class Fibonacci {
    private Fibonacci() {
    }

    @Async
    static Generator<Long, Void> fib() {
        long a = 0;
        long b = 1;
        for (;;) {
            Weft.yield(a);
            long next = a + b;
            a = b;
            b = next;
        }
    }

    /** Prints the first ten Fibonacci numbers. */
    public static void main(String[] args) {
        fib().stream().limit(10).forEach(System.out::println);
    }
}
