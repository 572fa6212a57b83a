package dev.weft.examples.queue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.queue.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seed 000's {@code asyncio_queue.py} (and seed 001's section 1.7.4): a producer puts six jobs
 * and two stop signals into a queue of {@code maxsize} 2, so it waits whenever the two consumers
 * lag behind; then it waits in {@code join} until every job is marked done.
 *
 * <p>A weft queue takes no null items, so Python's {@code None} stop signal is
 * {@code Optional.empty()}, printed as {@code None}; the jobs are {@code Optional.of(i)}. The
 * printed trace is the seed's, line for line.
 */
public final class ProducerConsumerQueue {
    private ProducerConsumerQueue() {
    }

    private static String show(Optional<Integer> item) {
        return item.map(String::valueOf).orElse("None");
    }

    @Async
    static Coroutine<Void> consumer(int n, Queue<Optional<Integer>> q) {
        System.out.println("consumer " + n + ": starting");
        while (true) {
            System.out.println("consumer " + n + ": waiting for item");
            Optional<Integer> item = Weft.await(q.get());
            System.out.println("consumer " + n + ": has item " + show(item));
            if (item.isEmpty()) {
                // None is the signal to stop.
                q.taskDone();
                break;
            }
            Weft.await(Weft.sleep(10L * item.get())); // 0.01 s per unit of the job
            q.taskDone();
        }
        System.out.println("consumer " + n + ": ending");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> producer(Queue<Optional<Integer>> q, int numWorkers) {
        System.out.println("producer: starting");
        // Add some numbers to the queue to simulate jobs
        for (int i = 0; i < numWorkers * 3; i++) {
            Weft.await(q.put(Optional.of(i)));
            System.out.println("producer: added task " + i + " to the queue");
        }
        // Add stop signals to the queue, one per consumer
        System.out.println("producer: adding stop signals to the queue");
        for (int i = 0; i < numWorkers; i++) {
            Weft.await(q.put(Optional.empty()));
        }
        System.out.println("producer: waiting for queue to empty");
        Weft.await(q.join());
        System.out.println("producer: ending");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> run(EventLoop loop, int numConsumers) {
        // A fixed size, so the producer waits until the consumers take some items out.
        Queue<Optional<Integer>> q = new Queue<>(numConsumers);
        List<Task<Void>> all = new ArrayList<>();
        for (int i = 0; i < numConsumers; i++) {
            all.add(loop.createTask(consumer(i, q)));
        }
        all.add(loop.createTask(producer(q, numConsumers)));
        Weft.await(Weft.wait(all));
        return Weft.done();
    }

    /** Runs two consumers and the producer to the end. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(run(loop, 2));
        } finally {
            loop.close();
        }
    }
}
