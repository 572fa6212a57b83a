package dev.weft.it.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.queue.Queue;
import dev.weft.queue.QueueEmpty;
import dev.weft.queue.QueueFull;
import dev.weft.testing.StepLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ordering rules of {@link Queue} on virtual time: fast paths that never suspend, getters and
 * putters served first come first served, back pressure, no overtaking of a woken waiter, join.
 */
class QueueOrderingTest {

    @Async
    static Coroutine<String> getInto(Queue<String> q, String name, List<String> log) {
        String item = Weft.await(q.get());
        log.add(name + ":" + item);
        return Weft.done(item);
    }

    @Async
    static Coroutine<Void> putAndLog(Queue<String> q, String item, List<String> log) {
        Weft.await(q.put(item));
        log.add("put " + item);
        return Weft.done();
    }

    @Async
    static Coroutine<String> uncontendedPutGetJoin(StepLog log) {
        Queue<String> q = new Queue<>(1);
        Weft.loop().callSoon(() -> log.expect(3, "callback"));
        log.expect(1, "before");
        Weft.await(q.put("a"));
        String got = Weft.await(q.get());
        q.taskDone();
        Weft.await(q.join());
        log.expect(2, "after put, get and join: nothing else ran");
        Weft.await(Weft.sleep(0));
        return Weft.done(got);
    }

    @Test
    void putGetJoin_thatNeedNotWait_completeWithoutSuspending() {
        StepLog log = new StepLog();
        assertEquals("a", new VirtualLoop().run(() -> uncontendedPutGetJoin(log)));
        assertEquals(3, log.names().size());
    }

    @Async
    static Coroutine<List<String>> threeGetters() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Weft.createTask(getInto(q, "g" + i, log)));
        }
        Weft.await(Weft.sleep(0)); // all three wait now
        q.putNowait("a");
        q.putNowait("b");
        q.putNowait("c");
        Weft.await(Weft.gather(tasks));
        return Weft.done(log);
    }

    @Test
    void get_threeWaitingGetters_areServedInTheOrderTheyCame() {
        assertEquals(List.of("g0:a", "g1:b", "g2:c"), new VirtualLoop().run(QueueOrderingTest::threeGetters));
    }

    @Async
    static Coroutine<List<String>> threePuttersOnAFullQueue() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        q.putNowait("x");
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Weft.createTask(putAndLog(q, "p" + i, log)));
        }
        Weft.await(Weft.sleep(0)); // all three wait: the queue is full
        log.add("full " + q.full() + " qsize " + q.qsize());
        for (int i = 0; i < 4; i++) {
            log.add("got " + Weft.await(q.get()));
        }
        Weft.await(Weft.gather(tasks));
        return Weft.done(log);
    }

    @Test
    void put_onAFullQueue_waitsAndPuttersAreServedInOrder() {
        assertEquals(List.of("full true qsize 1", "got x", "put p0", "got p0", "put p1", "got p1",
                "put p2", "got p2"), new VirtualLoop().run(QueueOrderingTest::threePuttersOnAFullQueue));
    }

    @Async
    static Coroutine<List<String>> noOvertakingOfAWokenGetter() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        Task<String> waiting = Weft.createTask(getInto(q, "g0", log));
        Weft.await(Weft.sleep(0));
        q.putNowait("a"); // promised to g0, which has not resumed yet
        log.add("qsize " + q.qsize() + " empty " + q.empty());
        try {
            q.getNowait();
            log.add("overtook");
        } catch (QueueEmpty e) {
            log.add("QueueEmpty");
        }
        Task<String> late = Weft.createTask(getInto(q, "late", log));
        Weft.await(waiting);
        q.putNowait("b");
        Weft.await(late);
        return Weft.done(log);
    }

    @Test
    void getNowait_whileTheOnlyItemIsPromisedToAWokenGetter_throwsQueueEmptyAndANewGetterQueuesBehind() {
        assertEquals(List.of("qsize 1 empty true", "QueueEmpty", "g0:a", "late:b"),
                new VirtualLoop().run(QueueOrderingTest::noOvertakingOfAWokenGetter));
    }

    @Async
    static Coroutine<List<String>> noOvertakingOfAGrantedPutter() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        q.putNowait("x");
        Task<Void> waiting = Weft.createTask(putAndLog(q, "p0", log));
        Weft.await(Weft.sleep(0));
        log.add("got " + q.getNowait()); // the freed slot is granted to p0
        log.add("qsize " + q.qsize() + " full " + q.full());
        try {
            q.putNowait("intruder");
            log.add("overtook");
        } catch (QueueFull e) {
            log.add("QueueFull");
        }
        Weft.await(waiting);
        log.add("got " + q.getNowait());
        return Weft.done(log);
    }

    @Test
    void putNowait_whileTheFreeSlotIsGrantedToAWokenPutter_throwsQueueFull() {
        assertEquals(List.of("got x", "qsize 0 full true", "QueueFull", "put p0", "got p0"),
                new VirtualLoop().run(QueueOrderingTest::noOvertakingOfAGrantedPutter));
    }

    @Async
    static Coroutine<Void> joiner(Queue<String> q, String name, List<String> log) {
        Weft.await(q.join());
        log.add(name + " joined");
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> joinWaitsForEveryTaskDone() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        q.putNowait("a");
        q.putNowait("b");
        Task<Void> j0 = Weft.createTask(joiner(q, "j0", log));
        Task<Void> j1 = Weft.createTask(joiner(q, "j1", log));
        Weft.await(Weft.sleep(0));
        q.getNowait();
        q.getNowait();
        q.taskDone();
        Weft.await(Weft.sleep(0));
        log.add("one done, joiners still waiting: " + !j0.done());
        q.taskDone();
        Weft.await(Weft.gather(j0, j1));
        return Weft.done(log);
    }

    @Test
    void join_returnsOnceEveryItemPutIsMarkedDone_forEveryJoiner() {
        assertEquals(List.of("one done, joiners still waiting: true", "j0 joined", "j1 joined"),
                new VirtualLoop().run(QueueOrderingTest::joinWaitsForEveryTaskDone));
    }

    @Async
    static Coroutine<String> queries() {
        Queue<Integer> unbounded = new Queue<>();
        Queue<Integer> bounded = new Queue<>(2);
        for (int i = 0; i < 100; i++) {
            unbounded.putNowait(i); // grows past its first 16 slots
        }
        bounded.putNowait(1);
        String s = unbounded.qsize() + " " + unbounded.full() + " " + unbounded.maxsize() + " "
                + bounded.full() + " " + bounded.empty() + " ";
        bounded.putNowait(2);
        s += bounded.full() + " " + bounded;
        int sum = 0;
        while (!unbounded.empty()) {
            sum += unbounded.getNowait();
        }
        return Weft.done(s + " " + sum);
    }

    @Test
    void queries_sizesAndFlags_followTheItems() {
        assertEquals("100 false 0 false false true <Queue maxsize=2 items=[1, 2] tasks=2> 4950",
                new VirtualLoop().run(QueueOrderingTest::queries));
    }

    @Test
    void putAndGet_beforeAnyLoop_workOnTheCreatingThread() {
        Queue<String> q = new Queue<>(2);
        q.putNowait("a");
        assertEquals("a", q.getNowait());
        assertTrue(q.empty());
        assertFalse(q.full());
        assertThrows(QueueEmpty.class, q::getNowait);
    }
}
