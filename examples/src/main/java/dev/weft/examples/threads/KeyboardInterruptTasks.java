package dev.weft.examples.threads;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.KeyboardInterrupt;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;
import java.util.Locale;

/**
 * Seed 004, "stopping coroutines": press Ctrl-C while three tasks sleep, and the pending tasks
 * are listed and cancelled. The seed drives the loop by hand and catches
 * {@code KeyboardInterrupt} around {@code run_until_complete}; in weft, as in
 * {@code asyncio.run} since Python 3.11, {@link Weft#run} does it: the first SIGINT cancels the
 * main task, whose {@code catch (CancelledError e)} lists and cancels the tasks, every
 * {@code finally} runs, and {@code Weft.run} throws {@link KeyboardInterrupt}. A second Ctrl-C
 * would end the JVM at once.
 *
 * <p>Argument: the milliseconds one "second" of the seed's sleeps lasts (default 1000), so a
 * test can make them long enough for its SIGINT to come first.
 */
public final class KeyboardInterruptTasks {
    private KeyboardInterruptTasks() {
    }

    @Async
    static Coroutine<String> doSomeWork(int x, long unitMillis) {
        System.out.println("Waiting:  " + x);
        try {
            Weft.await(Weft.sleep(x * unitMillis));
        } finally {
            System.out.println("Cleaning up:  " + x);
        }
        return Weft.done("Done after " + x + "s");
    }

    @Async
    static Coroutine<Void> main(long unitMillis) {
        List<Task<String>> tasks = List.of(Weft.ensureFuture(doSomeWork(1, unitMillis)),
                Weft.ensureFuture(doSomeWork(2, unitMillis)), Weft.ensureFuture(doSomeWork(2, unitMillis)));
        try {
            Weft.await(Weft.wait(tasks));
        } catch (CancelledError e) {
            for (Task<String> task : tasks) {
                System.out.println(task);
            }
            for (Task<String> task : tasks) {
                System.out.println(task.cancel() ? "True" : "False");
            }
            throw e;
        }
        return Weft.done();
    }

    /** Runs the three tasks; press Ctrl-C before they finish. */
    public static void main(String[] args) {
        long unitMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        long start = System.nanoTime();
        try {
            Weft.run(main(unitMillis));
        } catch (KeyboardInterrupt e) {
            System.out.println("KeyboardInterrupt");
        }
        System.out.println("TIME:  " + String.format(Locale.ROOT, "%.6f", (System.nanoTime() - start) / 1e9));
    }
}
