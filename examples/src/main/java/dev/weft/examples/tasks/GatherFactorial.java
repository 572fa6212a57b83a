package dev.weft.examples.tasks;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 003, "gather": three factorials computed concurrently; each step sleeps one second, so
 * their lines interleave, and {@code Weft.gather} waits for all three.
 */
public final class GatherFactorial {
    private GatherFactorial() {
    }

    @Async
    static Coroutine<Void> factorial(String name, int number) {
        long f = 1;
        for (int i = 2; i <= number; i++) {
            System.out.println("Task " + name + ": Compute factorial(" + i + ")...");
            Weft.await(Weft.sleep(1000));
            f *= i;
        }
        System.out.println("Task " + name + ": factorial(" + number + ") = " + f);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> main() {
        // Schedule three calls *concurrently*:
        Weft.await(Weft.gather(
                factorial("A", 2),
                factorial("B", 3),
                factorial("C", 4)));
        return Weft.done();
    }

    /** Runs the three factorials. */
    public static void main(String[] args) {
        Weft.run(main());
    }
}
