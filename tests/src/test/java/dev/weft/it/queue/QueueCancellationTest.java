package dev.weft.it.queue;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a waiting getter or putter through {@code Task.cancel}, {@code Weft.waitFor} and
 * {@code Weft.timeout}, before and after its turn came: no item is lost or duplicated, the turn
 * goes to the next waiter, and no waiter is left on the queue.
 */
class QueueCancellationTest {

    @Async
    static Coroutine<String> getInto(Queue<String> q, String name, List<String> log) {
        try {
            String item = Weft.await(q.get());
            log.add(name + ":" + item);
            return Weft.done(item);
        } catch (CancelledError e) {
            log.add(name + " cancelled");
            throw e;
        }
    }

    @Async
    static Coroutine<Void> putAndLog(Queue<String> q, String item, List<String> log) {
        try {
            Weft.await(q.put(item));
            log.add("put " + item);
        } catch (CancelledError e) {
            log.add("put " + item + " cancelled");
            throw e;
        }
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> getterCancelledWhileWaiting() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        Task<String> g0 = Weft.createTask(getInto(q, "g0", log));
        Task<String> g1 = Weft.createTask(getInto(q, "g1", log));
        Weft.await(Weft.sleep(0));
        g0.cancel();
        Weft.await(Weft.sleep(0)); // g0 resumes with the cancellation and leaves the list
        log.add(q.toString());
        q.putNowait("a");
        Weft.await(g1);
        log.add("g0 cancelled " + g0.cancelled() + ", " + q);
        return Weft.done(log);
    }

    @Test
    void cancel_getterWhileWaiting_leavesTheListAndTheNextGetterGetsTheItem() {
        assertEquals(List.of("g0 cancelled", "<Queue maxsize=0 getters[1]>", "g1:a",
                        "g0 cancelled true, <Queue maxsize=0 tasks=1>"),
                new VirtualLoop().run(QueueCancellationTest::getterCancelledWhileWaiting));
    }

    @Async
    static Coroutine<List<String>> getterCancelledAfterItsTurn(boolean secondGetter) {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        Task<String> g0 = Weft.createTask(getInto(q, "g0", log));
        Task<String> g1 = secondGetter ? Weft.createTask(getInto(q, "g1", log)) : null;
        Weft.await(Weft.sleep(0));
        q.putNowait("a"); // promised to g0 ...
        g0.cancel(); // ... which is cancelled before it resumes
        Weft.await(Weft.sleep(0));
        if (g1 != null) {
            Weft.await(g1);
        } else {
            log.add("still there: " + q.getNowait());
        }
        log.add("g0 cancelled " + g0.cancelled() + ", " + q);
        return Weft.done(log);
    }

    @Test
    void cancel_getterAfterAnItemWasPromisedToIt_theItemGoesToTheNextGetter() {
        assertEquals(List.of("g0 cancelled", "g1:a", "g0 cancelled true, <Queue maxsize=0 tasks=1>"),
                new VirtualLoop().run(() -> getterCancelledAfterItsTurn(true)));
    }

    @Test
    void cancel_getterAfterAnItemWasPromisedToIt_withNoOtherGetterTheItemStaysInTheQueue() {
        assertEquals(List.of("g0 cancelled", "still there: a", "g0 cancelled true, <Queue maxsize=0 tasks=1>"),
                new VirtualLoop().run(() -> getterCancelledAfterItsTurn(false)));
    }

    @Async
    static Coroutine<List<String>> putterCancelledAfterItsTurn() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        q.putNowait("x");
        Task<Void> p0 = Weft.createTask(putAndLog(q, "p0", log));
        Task<Void> p1 = Weft.createTask(putAndLog(q, "p1", log));
        Weft.await(Weft.sleep(0));
        log.add("got " + q.getNowait()); // the slot is granted to p0 ...
        p0.cancel(); // ... which is cancelled before it resumes: p1 gets the slot
        Weft.await(p1);
        log.add("got " + q.getNowait() + ", " + q);
        q.taskDone();
        q.taskDone();
        Weft.await(q.join()); // x and p1 were put; p0 was not
        log.add("p0 cancelled " + p0.cancelled() + ", " + q);
        return Weft.done(log);
    }

    @Test
    void cancel_putterAfterASlotWasGrantedToIt_itsItemIsNotPutAndTheSlotGoesToTheNextPutter() {
        assertEquals(List.of("got x", "put p0 cancelled", "put p1", "got p1, <Queue maxsize=1 tasks=2>",
                        "p0 cancelled true, <Queue maxsize=1>"),
                new VirtualLoop().run(QueueCancellationTest::putterCancelledAfterItsTurn));
    }

    @Async
    static Coroutine<List<String>> putterCancelledWhileWaiting() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        q.putNowait("x");
        Task<Void> p0 = Weft.createTask(putAndLog(q, "p0", log));
        Task<Void> p1 = Weft.createTask(putAndLog(q, "p1", log));
        Weft.await(Weft.sleep(0));
        p0.cancel();
        Weft.await(Weft.sleep(0));
        log.add(q.toString());
        log.add("got " + Weft.await(q.get()));
        Weft.await(p1);
        log.add("got " + Weft.await(q.get()));
        return Weft.done(log);
    }

    @Test
    void cancel_putterWhileWaiting_leavesTheListAndItsItemIsNeverPut() {
        assertEquals(List.of("put p0 cancelled", "<Queue maxsize=1 items=[x] putters[1] tasks=1>",
                        "got x", "put p1", "got p1"),
                new VirtualLoop().run(QueueCancellationTest::putterCancelledWhileWaiting));
    }

    @Async
    static Coroutine<List<String>> waitForOnGetAndPut() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        try {
            Weft.await(Weft.waitFor(q.get(), Duration.ofMillis(10)));
        } catch (TimeoutError e) {
            log.add("get timed out at " + VirtualLoop.nowMillis(Weft.loop()) + " ms");
        }
        q.putNowait("a");
        try {
            Weft.await(Weft.waitFor(q.put("b"), Duration.ofMillis(10)));
        } catch (TimeoutError e) {
            log.add("put timed out at " + VirtualLoop.nowMillis(Weft.loop()) + " ms");
        }
        log.add(q.toString());
        log.add("got " + Weft.await(Weft.waitFor(q.get(), Duration.ofMillis(10))));
        return Weft.done(log);
    }

    @Test
    void waitFor_onGetAndOnPut_timesOutWithoutLeavingAWaiterOrPuttingTheItem() {
        assertEquals(List.of("get timed out at 10 ms", "put timed out at 20 ms",
                        "<Queue maxsize=1 items=[a] tasks=1>", "got a"),
                new VirtualLoop().run(QueueCancellationTest::waitForOnGetAndPut));
    }

    @Async
    static Coroutine<String> getWithin(Queue<String> q, long millis) {
        return Weft.done(Weft.await(Weft.timeout(Duration.ofMillis(millis)).run(q.get())));
    }

    @Async
    static Coroutine<List<String>> timeoutScopes() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        try {
            Weft.await(getWithin(q, 5));
        } catch (TimeoutError e) {
            log.add("timed out, " + q);
        }
        Weft.loop().callLater(Duration.ofMillis(3), () -> q.putNowait("late"));
        log.add("got " + Weft.await(getWithin(q, 5)));
        return Weft.done(log);
    }

    @Test
    void timeout_scopeAroundGet_timesOutCleanlyOrDeliversTheItem() {
        assertEquals(List.of("timed out, <Queue maxsize=0>", "got late"),
                new VirtualLoop().run(QueueCancellationTest::timeoutScopes));
    }

    @Async
    static Coroutine<String> raceAtTheDeadline(boolean putFirst) {
        Queue<String> q = new Queue<>();
        Runnable put = () -> q.putNowait("a");
        if (putFirst) {
            Weft.loop().callLater(Duration.ofMillis(10), put);
        }
        Coroutine<String> got = Weft.waitFor(q.get(), Duration.ofMillis(10));
        if (!putFirst) {
            Weft.loop().callLater(Duration.ofMillis(10), put);
        }
        try {
            return Weft.done("got " + Weft.await(got) + ", " + q);
        } catch (TimeoutError e) {
            Weft.await(Weft.sleep(0));
            return Weft.done("timed out, then got " + q.getNowait() + ", " + q);
        }
    }

    @Test
    void waitFor_itemArrivingAtTheDeadline_isEitherReturnedOrLeftInTheQueue() {
        String first = new VirtualLoop().run(() -> raceAtTheDeadline(true));
        String second = new VirtualLoop().run(() -> raceAtTheDeadline(false));
        for (String outcome : List.of(first, second)) {
            assertTrue(outcome.equals("got a, <Queue maxsize=0 tasks=1>")
                    || outcome.equals("timed out, then got a, <Queue maxsize=0 tasks=1>"), outcome);
        }
    }

    @Async
    static Coroutine<Void> cancelledBeforeItWaits(Queue<String> q, List<String> log) {
        Weft.currentTask().orElseThrow().cancel(); // delivered at the first real suspension
        try {
            log.add("got " + Weft.await(q.get()) + " without waiting");
        } catch (CancelledError e) {
            log.add("cancelled at the get");
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> awaitQuietly(Task<Void> task) {
        try {
            Weft.await(task);
        } catch (CancelledError e) {
            // how a task that cancelled itself ends is the task's business, not the queue's
        }
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> selfCancelled() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        Weft.await(awaitQuietly(Weft.createTask(cancelledBeforeItWaits(q, log))));
        log.add(q.toString());
        q.putNowait("a");
        Weft.await(awaitQuietly(Weft.createTask(cancelledBeforeItWaits(q, log))));
        log.add(q.toString());
        return Weft.done(log);
    }

    @Test
    void get_inATaskWithAPendingCancellation_isCancelledOnlyIfItMustWait() {
        assertEquals(List.of("cancelled at the get", "<Queue maxsize=0>", "got a without waiting",
                        "<Queue maxsize=0 tasks=1>"),
                new VirtualLoop().run(QueueCancellationTest::selfCancelled));
    }
}
