package dev.weft.it.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.queue.LifoQueue;
import dev.weft.queue.PriorityQueue;
import dev.weft.queue.Queue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order {@link PriorityQueue} and {@link LifoQueue} hand items out in, with and without waiting. */
class PriorityAndLifoQueueTest {

    /** A job with a priority; equal priorities are told apart only by the order they were put. */
    record Job(int priority, String name) {
        @Override
        public String toString() {
            return priority + name;
        }
    }

    @Async
    static Coroutine<List<Object>> drain(Queue<?> q, int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Weft.await(q.get()));
        }
        return Weft.done(out);
    }

    @Async
    static Coroutine<List<Object>> lifo() {
        LifoQueue<Integer> q = new LifoQueue<>(3);
        for (int i = 1; i <= 3; i++) {
            Weft.await(q.put(i));
        }
        return Weft.done(Weft.await(drain(q, 3)));
    }

    @Test
    void lifoQueue_handsOutTheLatestItemFirst() {
        assertEquals(List.of(3, 2, 1), new VirtualLoop().run(PriorityAndLifoQueueTest::lifo));
    }

    @Async
    static Coroutine<List<Object>> natural() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        for (int i : new int[] {5, 1, 4, 1, 3, 9, 2, 6}) {
            q.putNowait(i);
        }
        return Weft.done(Weft.await(drain(q, 8)));
    }

    @Test
    void priorityQueue_naturalOrder_handsOutTheSmallestFirst() {
        assertEquals(List.of(1, 1, 2, 3, 4, 5, 6, 9), new VirtualLoop().run(PriorityAndLifoQueueTest::natural));
    }

    @Async
    static Coroutine<List<Object>> equalPriorities() {
        PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        for (int i = 0; i < names.length; i++) {
            q.putNowait(new Job(i % 3, names[i]));
        }
        return Weft.done(Weft.await(drain(q, names.length)));
    }

    @Test
    void priorityQueue_equalPriorities_comeOutInTheOrderTheyWerePut() {
        assertEquals("[0a, 0d, 0g, 0j, 1b, 1e, 1h, 2c, 2f, 2i]",
                new VirtualLoop().run(PriorityAndLifoQueueTest::equalPriorities).toString());
    }

    @Async
    static Coroutine<String> randomHeap(long seed) {
        Random random = new Random(seed);
        PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        // The model: java.util.PriorityQueue made stable by the put number in the name.
        java.util.PriorityQueue<Job> model = new java.util.PriorityQueue<>(Comparator
                .comparingInt(Job::priority).thenComparingInt(j -> Integer.parseInt(j.name())));
        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(5) < 3 || model.isEmpty()) {
                Job job = new Job(random.nextInt(20), Integer.toString(step));
                q.putNowait(job);
                model.add(job);
            } else {
                Job got = Weft.await(q.get());
                if (!got.equals(model.poll())) {
                    return Weft.done("step " + step + ": got " + got);
                }
            }
        }
        while (!model.isEmpty()) {
            if (!q.getNowait().equals(model.poll())) {
                return Weft.done("wrong order while draining");
            }
        }
        return Weft.done("same as the model, qsize " + q.qsize());
    }

    @Test
    void priorityQueue_randomPutsAndGets_matchAStableModelHeap() {
        long seed = System.nanoTime(); // named in the failure message, so a failing run can be replayed
        assertEquals("same as the model, qsize 0", new VirtualLoop().run(() -> randomHeap(seed)),
                "seed " + seed);
    }

    @Async
    static Coroutine<List<Object>> urgentItemAfterAWakeUp() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        Task<List<Object>> getter = Weft.createTask(drain(q, 1));
        Weft.await(Weft.sleep(0));
        q.putNowait(5); // wakes the getter with an item promised ...
        Weft.await(q.put(1)); // ... and a more urgent one arrives before it resumes
        List<Object> out = new ArrayList<>(Weft.await(getter));
        out.add(q.getNowait());
        return Weft.done(out);
    }

    @Test
    void priorityQueue_wokenGetter_takesTheSmallestItemWhenItResumes() {
        assertEquals(List.of(1, 5), new VirtualLoop().run(PriorityAndLifoQueueTest::urgentItemAfterAWakeUp));
    }

    @Async
    static Coroutine<List<Object>> lifoWithWaitingPutters() {
        LifoQueue<String> q = new LifoQueue<>(1);
        q.putNowait("a");
        Task<Void> p1 = Weft.createTask(q.put("b"));
        Task<Void> p2 = Weft.createTask(q.put("c"));
        Weft.await(Weft.sleep(0));
        List<Object> out = new ArrayList<>(Weft.await(drain(q, 3)));
        Weft.await(Weft.gather(p1, p2));
        return Weft.done(out);
    }

    @Test
    void lifoQueue_bounded_waitingPuttersAreStillServedInOrder() {
        assertEquals(List.of("a", "b", "c"), new VirtualLoop().run(PriorityAndLifoQueueTest::lifoWithWaitingPutters));
    }
}
