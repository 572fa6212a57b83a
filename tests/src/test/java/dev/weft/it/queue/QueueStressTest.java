package dev.weft.it.queue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.queue.Queue;
import dev.weft.queue.QueueEmpty;
import dev.weft.queue.QueueFull;
import dev.weft.queue.QueueShutDown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A seeded stress test on virtual time: thousands of producers and consumers on one bounded
 * queue, waiting plainly, in {@code Weft.timeout} scopes, through {@code Weft.waitFor} or
 * polling with the no-wait calls, while a canceller cancels random tasks. Every item whose put
 * returned is got exactly once, no item whose put failed is ever got, {@code join} returns, and no
 * waiter is left on the queue.
 *
 * <p>The seed is printed; rerun one with {@code -Dweft.stress.seed=N}. Everything is
 * deterministic for a seed: virtual time, one thread, one {@link Random}.
 *
 * <p>Every waiting kind is within the canceller's reach, {@code Weft.waitFor} included: it runs
 * the get or put in the caller's own task, so a cancellation that overtakes a completed turn
 * reaches the queue's waiter, which passes the turn on.
 */
class QueueStressTest {
    private static final int PRODUCERS = 1500;
    private static final int ITEMS_EACH = 4;
    private static final int STABLE_CONSUMERS = 20;
    private static final int UNSTABLE_CONSUMERS = 1000;
    private static final int JOINERS = 50;

    /** Everything the tasks share; loop thread only. */
    static final class World {
        final Random random;
        final Queue<Integer> q;
        final Set<Integer> putOk = new HashSet<>();
        final Map<Integer, Integer> gotCount = new HashMap<>();
        final List<Task<?>> cancellable = new ArrayList<>();
        final Map<String, Integer> stats = new HashMap<>();
        int nextItem;
        boolean producing = true;

        World(long seed) {
            random = new Random(seed);
            int maxsize = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(16);
            q = new Queue<>(maxsize);
        }

        /** A random delay or timeout of 0 to 3 ms. */
        Duration shortDelay() {
            return Duration.ofMillis(random.nextInt(4));
        }

        /** A random timeout of 1 to 10 ms. */
        Duration timeout() {
            return Duration.ofMillis(1 + random.nextInt(10));
        }

        void count(String what) {
            stats.merge(what, 1, Integer::sum);
        }
    }

    @Async
    static Coroutine<Void> producer(World w, int kind) {
        for (int i = 0; i < ITEMS_EACH; i++) {
            int item = w.nextItem++;
            try {
                if (kind == 0) {
                    Weft.await(w.q.put(item));
                } else if (kind == 1) {
                    Weft.await(Weft.timeout(w.shortDelay()).run(w.q.put(item)));
                } else if (kind == 2) {
                    Weft.await(Weft.waitFor(w.q.put(item), w.shortDelay()));
                } else {
                    while (true) {
                        try {
                            w.q.putNowait(item);
                            break;
                        } catch (QueueFull e) {
                            w.count("QueueFull");
                            Weft.await(Weft.sleep(w.shortDelay()));
                        }
                    }
                }
                w.putOk.add(item); // no await between the put and this line
                Weft.await(Weft.sleep(w.random.nextInt(8))); // spreads the run over 15 ms or more
            } catch (TimeoutError e) {
                w.count("put timed out");
            } catch (CancelledError e) {
                w.count("producer cancelled");
                throw e;
            }
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Integer> getOnce(World w, int kind) {
        if (kind == 0) {
            return Weft.done(Weft.await(w.q.get()));
        }
        if (kind == 1) {
            return Weft.done(Weft.await(Weft.timeout(w.timeout()).run(w.q.get())));
        }
        if (kind == 2) {
            return Weft.done(Weft.await(Weft.waitFor(w.q.get(), w.timeout())));
        }
        while (true) {
            try {
                return Weft.done(w.q.getNowait());
            } catch (QueueEmpty e) {
                w.count("QueueEmpty");
                Weft.await(Weft.sleep(1 + w.random.nextInt(8)));
            }
        }
    }

    @Async
    static Coroutine<Void> consumer(World w, int kind) {
        while (true) {
            Integer item;
            try {
                item = Weft.await(getOnce(w, kind));
            } catch (TimeoutError e) {
                w.count("get timed out");
                continue;
            } catch (QueueShutDown e) {
                return Weft.done();
            } catch (CancelledError e) {
                w.count("consumer cancelled");
                throw e;
            }
            w.gotCount.merge(item, 1, Integer::sum);
            try {
                Weft.await(Weft.sleep(w.shortDelay()));
            } finally {
                w.q.taskDone(); // even when cancelled while "processing" the item
            }
        }
    }

    @Async
    static Coroutine<Void> joiner(World w, boolean withTimeouts) {
        while (true) {
            try {
                if (withTimeouts) {
                    Weft.await(Weft.waitFor(w.q.join(), w.timeout()));
                } else {
                    Weft.await(w.q.join());
                }
                if (!w.producing) {
                    return Weft.done();
                }
                Weft.await(Weft.sleep(1)); // joined between bursts: join again later
            } catch (TimeoutError e) {
                w.count("join timed out");
            }
        }
    }

    @Async
    static Coroutine<Void> canceller(World w) {
        while (w.producing) {
            Weft.await(Weft.sleep(1)); // not sleep(0): virtual time only moves when the loop idles
            for (int n = 2 + w.random.nextInt(5); n > 0; n--) {
                Task<?> victim = w.cancellable.get(w.random.nextInt(w.cancellable.size()));
                if (victim.cancel()) {
                    w.count("cancel requests");
                }
            }
        }
        return Weft.done();
    }

    @Async
    static Coroutine<String> run(World w) {
        List<Task<Void>> producers = new ArrayList<>();
        List<Task<Void>> others = new ArrayList<>();
        for (int i = 0; i < PRODUCERS; i++) {
            int kind = w.random.nextInt(4);
            Task<Void> t = Weft.createTask(producer(w, kind));
            producers.add(t);
            w.cancellable.add(t);
        }
        for (int i = 0; i < STABLE_CONSUMERS; i++) {
            others.add(Weft.createTask(consumer(w, 0)));
        }
        for (int i = 0; i < UNSTABLE_CONSUMERS; i++) {
            int kind = w.random.nextInt(4);
            Task<Void> t = Weft.createTask(consumer(w, kind));
            others.add(t);
            w.cancellable.add(t);
        }
        for (int i = 0; i < JOINERS; i++) {
            Task<Void> t = Weft.createTask(joiner(w, i % 2 == 0));
            others.add(t);
            w.cancellable.add(t);
        }
        Task<Void> canceller = Weft.createTask(canceller(w));
        Weft.await(Weft.gather(producers, true));
        w.producing = false;
        Weft.await(canceller);
        Weft.await(w.q.join()); // the stable consumers drain whatever is left
        w.q.shutdown();
        Weft.await(Weft.gather(others, true));
        return Weft.done(w.q.toString());
    }

    @Test
    void manyProducersAndConsumers_withRandomCancellationsAndTimeouts_everyItemPutIsGotExactlyOnce() {
        long seed = Long.getLong("weft.stress.seed", System.nanoTime());
        World w = new World(seed);
        VirtualLoop vl = new VirtualLoop();
        // A passing run prints nothing; a failing one names the seed and what the run did.
        String replay = "seed " + seed + " (rerun with -Dweft.stress.seed=" + seed + ")";
        String finalState = assertDoesNotThrow(() -> vl.run(() -> run(w)), replay);

        String why = replay + "; maxsize " + w.q.maxsize() + ", " + w.putOk.size() + " of "
                + w.nextItem + " items put, " + w.stats;
        assertEquals("<Queue maxsize=" + w.q.maxsize() + " shutdown>", finalState,
                "no item, waiter or unfinished task left; " + why);
        assertEquals(w.putOk, w.gotCount.keySet(), "the items got are exactly the items put; " + why);
        assertTrue(w.gotCount.values().stream().allMatch(n -> n == 1), "no item got twice; " + why);
        assertEquals(List.of(), vl.reports, why);
        assertTrue(w.stats.getOrDefault("consumer cancelled", 0) > 0
                && w.stats.getOrDefault("producer cancelled", 0) > 0
                && w.stats.getOrDefault("get timed out", 0) > 0, "the run exercised cancellation; " + why);
    }
}
