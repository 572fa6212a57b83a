package dev.weft.it.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.queue.Queue;
import dev.weft.queue.QueueShutDown;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code shutdown()} and {@code shutdown(true)} (Python 3.13) with getters, putters and joiners
 * waiting, and with a getter that was woken but has not resumed yet.
 */
class QueueShutdownTest {

    @Async
    static Coroutine<Void> getter(Queue<String> q, String name, List<String> log) {
        try {
            log.add(name + " got " + Weft.await(q.get()));
        } catch (QueueShutDown e) {
            log.add(name + " QueueShutDown");
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> putter(Queue<String> q, String item, List<String> log) {
        try {
            Weft.await(q.put(item));
            log.add("put " + item);
        } catch (QueueShutDown e) {
            log.add("put " + item + " QueueShutDown");
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> joiner(Queue<String> q, List<String> log) {
        Weft.await(q.join());
        log.add("joined");
        return Weft.done();
    }

    /** Tries a put and a getNowait; answers what happened. */
    static String tryPutAndGet(Queue<String> q) {
        String s;
        try {
            q.putNowait("late");
            s = "put";
        } catch (QueueShutDown e) {
            s = "put QueueShutDown";
        }
        try {
            return s + ", got " + q.getNowait();
        } catch (QueueShutDown e) {
            return s + ", get QueueShutDown";
        }
    }

    @Async
    static Coroutine<List<String>> gentleShutdownWithGetters() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        Task<Void> g0 = Weft.createTask(getter(q, "g0", log));
        Task<Void> g1 = Weft.createTask(getter(q, "g1", log));
        Weft.await(Weft.sleep(0));
        q.putNowait("a"); // for g0
        List<Task<Void>> tasks = List.of(g0, g1, Weft.createTask(joiner(q, log)));
        q.shutdown(); // g1 has nothing coming: it is woken with QueueShutDown; g0 keeps its item
        Weft.await(Weft.sleep(0));
        log.add(q.toString());
        q.taskDone();
        Weft.await(Weft.gather(tasks));
        log.add(tryPutAndGet(q) + ", " + q);
        return Weft.done(log);
    }

    @Test
    void shutdown_withWaitingGetters_wakesThoseWithNothingComingAndKeepsPromisedItems() {
        assertEquals(List.of("g0 got a", "g1 QueueShutDown", "<Queue maxsize=0 joiners[1] tasks=1 shutdown>",
                        "joined", "put QueueShutDown, get QueueShutDown, <Queue maxsize=0 shutdown>"),
                new VirtualLoop().run(QueueShutdownTest::gentleShutdownWithGetters));
    }

    @Async
    static Coroutine<List<String>> gentleShutdownWithPutters() {
        Queue<String> q = new Queue<>(2);
        List<String> log = new ArrayList<>();
        q.putNowait("a");
        q.putNowait("b");
        List<Task<Void>> tasks = List.of(Weft.createTask(putter(q, "p0", log)),
                Weft.createTask(putter(q, "p1", log)));
        Weft.await(Weft.sleep(0));
        q.shutdown();
        Weft.await(Weft.gather(tasks));
        log.add("left: " + Weft.await(q.get()) + " " + Weft.await(q.get()));
        log.add(tryPutAndGet(q));
        return Weft.done(log);
    }

    @Test
    void shutdown_withWaitingPutters_wakesThemWithQueueShutDownAndTheItemsStayGettable() {
        assertEquals(List.of("put p0 QueueShutDown", "put p1 QueueShutDown", "left: a b",
                        "put QueueShutDown, get QueueShutDown"),
                new VirtualLoop().run(QueueShutdownTest::gentleShutdownWithPutters));
    }

    @Async
    static Coroutine<List<String>> grantedPutterAfterShutdown() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        q.putNowait("a");
        Task<Void> p0 = Weft.createTask(putter(q, "p0", log));
        Weft.await(Weft.sleep(0));
        q.getNowait(); // the slot is granted to p0 ...
        q.shutdown(); // ... which resumes after the shutdown
        Weft.await(p0);
        log.add(q.toString());
        return Weft.done(log);
    }

    @Test
    void shutdown_afterASlotWasGrantedToAPutter_itsPutThrowsQueueShutDown() {
        assertEquals(List.of("put p0 QueueShutDown", "<Queue maxsize=1 tasks=1 shutdown>"),
                new VirtualLoop().run(QueueShutdownTest::grantedPutterAfterShutdown));
    }

    @Async
    static Coroutine<List<String>> immediateShutdown() {
        Queue<String> q = new Queue<>(2);
        List<String> log = new ArrayList<>();
        q.putNowait("a");
        q.putNowait("b");
        log.add("got " + q.getNowait()); // got but not marked done: join still waits for it
        q.putNowait("c");
        List<Task<Void>> tasks = List.of(Weft.createTask(putter(q, "p0", log)),
                Weft.createTask(joiner(q, log)));
        Weft.await(Weft.sleep(0));
        q.shutdown(true); // drops b and c, counted as done
        Weft.await(Weft.sleep(0));
        log.add(q.qsize() + " " + q);
        q.taskDone(); // for a
        Weft.await(Weft.gather(tasks));
        log.add(tryPutAndGet(q));
        return Weft.done(log);
    }

    @Test
    void shutdownImmediate_dropsTheItemsCountsThemDoneAndWakesPuttersAndJoiners() {
        assertEquals(List.of("got a", "put p0 QueueShutDown", "0 <Queue maxsize=2 joiners[1] tasks=1 shutdown>",
                        "joined", "put QueueShutDown, get QueueShutDown"),
                new VirtualLoop().run(QueueShutdownTest::immediateShutdown));
    }

    @Async
    static Coroutine<List<String>> immediateShutdownAfterAPromise() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        Task<Void> g0 = Weft.createTask(getter(q, "g0", log));
        Weft.await(Weft.sleep(0));
        q.putNowait("a"); // promised to g0 ...
        Task<Void> j = Weft.createTask(joiner(q, log));
        q.shutdown(true); // ... then dropped before g0 resumes
        Weft.await(Weft.gather(g0, j));
        log.add(q.toString());
        return Weft.done(log);
    }

    @Test
    void shutdownImmediate_afterAnItemWasPromisedToAGetter_theGetterGetsQueueShutDownAndJoinReturns() {
        assertEquals(List.of("g0 QueueShutDown", "joined", "<Queue maxsize=0 shutdown>"),
                new VirtualLoop().run(QueueShutdownTest::immediateShutdownAfterAPromise));
    }
}
