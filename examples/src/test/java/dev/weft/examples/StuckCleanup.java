package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.CountDownLatch;

/**
 * A program whose cleanup hangs after the first Ctrl-C, for {@link KeyboardInterruptExampleTest}:
 * its main task's {@code finally} awaits a job that never ends, so only a second SIGINT can end
 * it. Run in a child JVM only.
 */
public final class StuckCleanup {
    private StuckCleanup() {
    }

    @Async
    static Coroutine<Void> main() {
        try {
            System.out.println("ready");
            Weft.await(Weft.sleep(600_000));
        } finally {
            System.out.println("cleaning up");
            Weft.await(Weft.toThread(() -> {
                new CountDownLatch(1).await();
                return null;
            }));
            System.out.println("cleanup done");
        }
        return Weft.done();
    }

    /** Runs until the second SIGINT. */
    public static void main(String[] args) {
        Weft.run(main());
    }
}
