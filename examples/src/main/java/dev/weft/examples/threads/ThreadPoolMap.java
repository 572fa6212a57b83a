package dev.weft.examples.threads;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Seed 004, "thread pools": {@code ThreadPoolExecutor(3).map(func, range(6))}, the asyncio way:
 * a default executor of three threads, a {@link Weft#toThread} job per number, and
 * {@link Weft#gather} for the results in argument order, whichever thread finishes first. The
 * blocking {@code func} runs on the pool, so the loop stays free meanwhile.
 *
 * <p>The sleeps are a tenth of the seed's; a Java tuple prints as the Python one.
 */
public final class ThreadPoolMap {
    private ThreadPoolMap() {
    }

    static String func(int num) throws InterruptedException {
        System.out.println("---hyl");
        Thread.sleep(200);
        return "('this is return', " + num + ")";
    }

    @Async
    static Coroutine<Void> main() {
        Weft.loop().setDefaultExecutor(Executors.newFixedThreadPool(3));
        List<Future<String>> jobs = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            int num = n;
            jobs.add(Weft.toThread(() -> func(num)));
        }
        List<String> result = Weft.await(Weft.gather(jobs));
        for (String each : result) {
            System.out.println(each);
        }
        return Weft.done();
    }

    /** Maps {@code func} over 0..5 on three threads. */
    public static void main(String[] args) {
        Weft.run(main());
    }
}
