package dev.weft.examples.queue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.queue.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seed 003's workload distribution: twenty random sleep times in an unbounded queue, three
 * worker tasks taking them in turn, {@code join} until all are done, then the workers cancelled.
 *
 * <p>The times are random, so which worker prints each line, and every number, differs from run
 * to run, in Python as here; the output test compares them after normalisation, and
 * {@code QueueExamplesTest} runs {@link #runOn} on virtual time with a seeded {@link Random} to
 * check the sums.
 */
public final class WorkerQueue {
    private WorkerQueue() {
    }

    private static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Async
    static Coroutine<Void> worker(String name, Queue<Double> queue) {
        while (true) {
            // Get a "work item" out of the queue.
            double sleepFor = Weft.await(queue.get());
            // Sleep for the "sleepFor" seconds.
            Weft.await(Weft.sleep(Duration.ofNanos(Math.round(sleepFor * 1e9))));
            // Notify the queue that the "work item" has been processed.
            queue.taskDone();
            System.out.println(name + " has slept for " + twoDecimals(sleepFor) + " seconds");
        }
    }

    @Async
    static Coroutine<Void> run(Random random) {
        // Create a queue that we will use to store our "workload".
        Queue<Double> queue = new Queue<>();
        // Generate random timings and put them into the queue.
        double totalSleepTime = 0;
        for (int i = 0; i < 20; i++) {
            double sleepFor = 0.05 + random.nextDouble() * (1.0 - 0.05);
            totalSleepTime += sleepFor;
            queue.putNowait(sleepFor);
        }
        // Create three worker tasks to process the queue concurrently.
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Weft.createTask(worker("worker-" + i, queue)));
        }
        // Wait until the queue is fully processed.
        double startedAt = Weft.loop().time();
        Weft.await(queue.join());
        double totalSleptFor = Weft.loop().time() - startedAt;
        // Cancel our worker tasks, and wait until all of them are cancelled.
        for (Task<Void> task : tasks) {
            task.cancel();
        }
        Weft.await(Weft.gather(tasks, true));
        System.out.println("====");
        System.out.println("3 workers slept in parallel for " + twoDecimals(totalSleptFor) + " seconds");
        System.out.println("total expected sleep time: " + twoDecimals(totalSleepTime) + " seconds");
        return Weft.done();
    }

    /**
     * Runs the example on {@code loop} with {@code random}'s sleep times, then closes the loop;
     * a loop on {@code Clock.virtual()} runs it at once and exactly.
     */
    public static void runOn(EventLoop loop, Random random) {
        try {
            loop.runUntilComplete(run(random));
        } finally {
            loop.close();
        }
    }

    /** Runs the example on the system clock, with random sleep times (about 3 seconds). */
    public static void main(String[] args) {
        runOn(EventLoop.create(), new Random());
    }
}
