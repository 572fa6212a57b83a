package dev.weft.it.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.queue.PriorityQueue;
import dev.weft.queue.Queue;
import dev.weft.queue.QueueEmpty;
import dev.weft.queue.QueueFull;
import dev.weft.queue.QueueShutDown;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Bad input and misuse: each fails with a clear exception and leaves the queue usable.
 */
class QueueBadInputTest {

    @Async
    static Coroutine<List<String>> taskDoneTooOften() {
        Queue<String> q = new Queue<>();
        List<String> log = new ArrayList<>();
        try {
            q.taskDone();
        } catch (IllegalStateException e) {
            log.add(e.getMessage());
        }
        q.putNowait("a");
        q.getNowait();
        q.taskDone();
        Weft.await(q.join());
        log.add("still usable: " + q);
        return Weft.done(log);
    }

    @Test
    void taskDone_withNothingPending_failsClearlyAndTheCountIsKept() {
        assertEquals(List.of("taskDone() called more times than items were put: no item is waiting "
                        + "to be marked done in <Queue maxsize=0>", "still usable: <Queue maxsize=0>"),
                new VirtualLoop().run(QueueBadInputTest::taskDoneTooOften));
    }

    @Test
    void putAndPutNowait_nullItem_throwNullPointerExceptionAtOnce() {
        Queue<String> q = new Queue<>();
        NullPointerException e = assertThrows(NullPointerException.class, () -> q.put(null));
        assertEquals("a queue does not take null items", e.getMessage());
        assertThrows(NullPointerException.class, () -> q.putNowait(null));
        assertEquals(0, q.qsize());
    }

    @Async
    static Coroutine<String> fromAnotherThread() {
        Queue<String> q = new Queue<>();
        q.putNowait("bound"); // binds the queue to this loop
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                q.putNowait("intruder");
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "intruder-thread");
        other.start();
        try {
            other.join(); // blocks the loop thread for a moment: fine in a test
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return Weft.done(failure.get().getClass().getSimpleName() + ": " + failure.get().getMessage()
                + " | " + q.getNowait() + " " + q.qsize());
    }

    @Test
    void anyOperation_fromAThreadOtherThanTheLoops_throwsIllegalStateExceptionNamingBoth() {
        String outcome = new VirtualLoop().run(QueueBadInputTest::fromAnotherThread);
        assertTrue(outcome.startsWith("IllegalStateException: <Queue maxsize=0> belongs to the event loop"
                + " of thread '"), outcome);
        assertTrue(outcome.contains("but was used from thread 'intruder-thread'"), outcome);
        assertTrue(outcome.endsWith(" | bound 0"), outcome);
    }

    @Test
    void anyOperation_beforeBindingFromAnotherThreadThanTheCreator_throwsIllegalStateException()
            throws InterruptedException {
        Queue<String> q = new Queue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                q.qsize();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "stranger");
        other.start();
        other.join();
        assertTrue(failure.get() instanceof IllegalStateException, String.valueOf(failure.get()));
        assertTrue(failure.get().getMessage().contains("thread 'stranger' before any event loop used it"),
                failure.get().getMessage());
    }

    @Async
    static Coroutine<Void> touch(Queue<String> q) {
        q.putNowait("x");
        return Weft.done();
    }

    @Test
    void anyOperation_afterItsLoopClosed_throwsIllegalStateException() {
        Queue<String> q = new Queue<>();
        new VirtualLoop().run(() -> touch(q));
        IllegalStateException e = assertThrows(IllegalStateException.class, q::getNowait);
        assertEquals("event loop is closed", e.getMessage());
    }

    @Async
    static Coroutine<List<String>> nowaitOnEmptyFullAndShutDown() {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        log.add(assertThrows(QueueEmpty.class, q::getNowait).getMessage());
        q.putNowait("a");
        log.add(assertThrows(QueueFull.class, () -> q.putNowait("b")).getMessage());
        q.shutdown();
        log.add(assertThrows(QueueShutDown.class, () -> q.putNowait("c")).getMessage());
        try {
            Weft.await(q.put("d"));
        } catch (QueueShutDown e) {
            log.add("await put: " + e.getMessage());
        }
        log.add("got " + q.getNowait());
        try {
            Weft.await(q.get());
        } catch (QueueShutDown e) {
            log.add("await get: " + e.getMessage());
        }
        return Weft.done(log);
    }

    @Test
    void nowaitAndAwaitedCalls_onEmptyFullOrShutDownQueue_throwTheAsyncioExceptions() {
        assertEquals(List.of("queue is empty: <Queue maxsize=1>",
                        "queue is full (maxsize 1): <Queue maxsize=1 items=[a] tasks=1>",
                        "putNowait() on a shut-down queue: <Queue maxsize=1 items=[a] tasks=1 shutdown>",
                        "await put: put() on a shut-down queue: <Queue maxsize=1 items=[a] tasks=1 shutdown>",
                        "got a",
                        "await get: get() on a shut-down queue: <Queue maxsize=1 tasks=1 shutdown>"),
                new VirtualLoop().run(QueueBadInputTest::nowaitOnEmptyFullAndShutDown));
    }

    @Async
    static Coroutine<String> incomparableItems() {
        PriorityQueue<Object> q = new PriorityQueue<>();
        q.putNowait(2);
        String s = "";
        try {
            q.putNowait("two");
        } catch (ClassCastException e) {
            s += "ClassCastException, qsize " + q.qsize();
        }
        try {
            q.putNowait(new Object());
        } catch (ClassCastException e) {
            s += "; not Comparable: " + e.getMessage().endsWith("or put Comparable items");
        }
        q.putNowait(1);
        return Weft.done(s + "; " + q.getNowait() + " " + q.getNowait() + " " + q.qsize());
    }

    @Test
    void priorityPut_ofAnItemThatCannotBeCompared_throwsAndLeavesTheQueueWhole() {
        assertEquals("ClassCastException, qsize 1; not Comparable: true; 1 2 0",
                new VirtualLoop().run(QueueBadInputTest::incomparableItems));
    }

    @Test
    void priorityQueue_nullComparator_isRejected() {
        assertThrows(NullPointerException.class, () -> new PriorityQueue<String>(2, null));
    }

    @Test
    void await_onAQueueFromAnotherLoop_isRejectedByTheThreadCheckOfItsLoop() {
        Queue<String> q = new Queue<>();
        new VirtualLoop().run(() -> touch(q)); // bound to a loop that is now closed
        EventLoop other = EventLoop.create();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> other.runUntilComplete(awaitGet(q)));
            assertEquals("event loop is closed", e.getMessage());
        } finally {
            other.close();
        }
    }

    @Async
    static Coroutine<String> awaitGet(Queue<String> q) {
        return Weft.done(Weft.await(q.get()));
    }

    @Test
    void await_thatMustWait_onAQueueBoundToAnotherOpenLoopOfTheSameThread_isRejected() {
        Queue<String> q = new Queue<>();
        EventLoop first = EventLoop.create();
        EventLoop second = EventLoop.create();
        try {
            first.runUntilComplete(touch(q)); // binds q to first, which stays open
            q.getNowait();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> second.runUntilComplete(awaitGet(q)));
            assertTrue(e.getMessage().startsWith("<Queue maxsize=0 tasks=1> is bound to a different event loop"),
                    e.getMessage());
        } finally {
            first.close();
            second.close();
        }
    }
}
