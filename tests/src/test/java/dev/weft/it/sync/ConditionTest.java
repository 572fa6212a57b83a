package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.sync.Condition;
import dev.weft.sync.Held;
import dev.weft.sync.Lock;
import dev.weft.testing.StepLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Condition: signal(n) in FIFO order, the lock held again on waking, cancellation that
 * re-acquires the lock and hands a signal on, until(predicate), a shared lock, bad input.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@SuppressWarnings("try") // a Held resource is there to be closed, not referenced
class ConditionTest {

    /** Holds the lock, waits to be signalled, logs with the lock held, releases. */
    @Async
    static Coroutine<Void> consumer(Condition cond, List<String> log, String name) {
        try (Held held = Weft.await(cond.hold())) {
            log.add(name + " waits");
            Weft.await(cond.untilNotified());
            assertTrue(cond.locked(), "a woken waiter holds the lock");
            log.add(name + " woken");
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> notifyOneTwoAll(Condition cond, List<String> log) {
        List<Task<Void>> consumers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            consumers.add(Weft.createTask(consumer(cond, log, "c" + i)));
        }
        Weft.await(Weft.sleep(10));
        for (int n = 1; n <= 2; n++) {
            try (Held held = Weft.await(cond.hold())) {
                log.add("signal " + n);
                cond.signal(n);
            }
            Weft.await(Weft.sleep(10));
        }
        try (Held held = Weft.await(cond.hold())) {
            log.add("signal all");
            cond.signalAll();
        }
        Weft.await(Weft.gather(consumers));
        assertEquals("<Condition [unlocked]>", cond.toString());
        return Weft.done();
    }

    @Test
    void signal_oneThenTwoThenAll_wakesWaitersInTheOrderTheyWaited() {
        List<String> log = new ArrayList<>();
        new VirtualLoop().runWithoutReports(() -> notifyOneTwoAll(new Condition(), log));
        assertEquals(List.of("c0 waits", "c1 waits", "c2 waits", "c3 waits", "c4 waits",
                "signal 1", "c0 woken",
                "signal 2", "c1 woken", "c2 woken",
                "signal all", "c3 woken", "c4 woken"), log);
    }

    @Async
    static Coroutine<Void> signalThenHold(Condition cond, StepLog log) {
        Task<Void> a = Weft.createTask(waitInTurn(cond, log, "A", 1, 4));
        Weft.await(Weft.sleep(0));
        Weft.await(cond.acquire());
        cond.signal();
        log.expect(2, "main signalled and keeps the lock for 10 ms");
        Weft.await(Weft.sleep(10));
        log.expect(3, "main releases");
        cond.release();
        Weft.await(a);
        return Weft.done();
    }

    /** Waits to be signalled; logs when it starts waiting and when it resumes. */
    @Async
    static Coroutine<Void> waitInTurn(Condition cond, StepLog log, String name, int waits, int woken) {
        try (Held held = Weft.await(cond.hold())) {
            log.expect(waits, name + " waits");
            Weft.await(cond.untilNotified());
            log.expect(woken, name + " woken at " + VirtualLoop.nowMillis(Weft.loop()));
        }
        return Weft.done();
    }

    @Test
    void untilNotified_signalled_resumesOnlyOnceTheSignallerReleasedTheLock() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> signalThenHold(new Condition(), log));
        assertEquals("A woken at 10", log.names().get(3));
    }

    /** Waits to be signalled and must be cancelled; checks it holds the lock when it learns so. */
    @Async
    static Coroutine<Void> cancelledWaiter(Condition cond, StepLog log, String name, int waits, int cancelled) {
        try (Held held = Weft.await(cond.hold())) {
            log.expect(waits, name + " waits");
            try {
                Weft.await(cond.untilNotified());
            } catch (CancelledError e) {
                assertTrue(cond.locked(), "the lock is re-acquired before CancelledError");
                log.expect(cancelled, name + " cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
                throw e;
            }
            throw new AssertionError(name + " returned normally although cancelled");
        }
    }

    @Async
    static Coroutine<Void> cancelWhileWaiting(Condition cond, StepLog log) {
        Task<Void> a = Weft.createTask(cancelledWaiter(cond, log, "A", 1, 4));
        Weft.await(Weft.sleep(0));
        Weft.await(cond.acquire());
        a.cancel();
        log.expect(2, "main holds the lock and cancels A");
        Weft.await(Weft.sleep(10));
        log.expect(3, "main releases");
        cond.release();
        Weft.await(Weft.wait(List.of(a)));
        assertTrue(a.cancelled());
        assertFalse(cond.locked(), "A's block released the lock after the CancelledError");
        return Weft.done();
    }

    @Test
    void cancel_duringWait_reacquiresTheLockBeforeRaisingCancelledError() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> cancelWhileWaiting(new Condition(), log));
        assertEquals("A cancelled at 10", log.names().get(3));
    }

    @Async
    static Coroutine<Void> cancelAfterSignal(Condition cond, StepLog log, boolean releaseFirst) {
        Task<Void> a = Weft.createTask(cancelledWaiter(cond, log, "A", 1, 4));
        Task<Void> b = Weft.createTask(waitInTurn(cond, log, "B", 2, 5));
        Task<Void> c = Weft.createTask(waitInTurn(cond, log, "C", 3, 6));
        Weft.await(Weft.sleep(0));
        Weft.await(cond.acquire());
        cond.signal(); // A is signalled: it now waits for the lock
        if (releaseFirst) {
            cond.release(); // A is handed the lock but has not run yet
            a.cancel();
        } else {
            a.cancel();
            cond.release();
        }
        Weft.await(Weft.wait(List.of(a, b)));
        assertTrue(a.cancelled());
        assertFalse(c.done(), "exactly one signal was handed on");
        Weft.await(cond.acquire());
        cond.signal();
        cond.release();
        Weft.await(c);
        return Weft.done();
    }

    @Test
    void cancel_signalledWaiterWaitingForTheLock_handsTheSignalToTheNextWaiter() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> cancelAfterSignal(new Condition(), log, false));
        log.finish(7);
    }

    @Test
    void cancel_signalledWaiterHandedTheLockButNotRun_handsTheSignalToTheNextWaiter() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> cancelAfterSignal(new Condition(), log, true));
        log.finish(7);
    }

    @Async
    static Coroutine<Void> predicateWaiter(Condition cond, int[] value, int[] tests, StepLog log) {
        try (Held held = Weft.await(cond.hold())) {
            log.expect(1, "waits for value >= 2");
            Weft.await(cond.until(() -> {
                tests[0]++;
                return value[0] >= 2;
            }));
            assertTrue(cond.locked());
            log.expect(3, "returns with value " + value[0]);
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> untilPredicate(Condition cond, StepLog log) {
        int[] value = {0};
        int[] tests = {0};
        Weft.await(cond.acquire());
        Weft.loop().callSoon(() -> log.expect(2, "next iteration"));
        Weft.await(cond.until(() -> true));
        log.expect(1, "a true predicate returns without suspending");
        cond.release();
        Weft.await(Weft.sleep(0));
        log.names().clear();
        Task<Void> t = Weft.createTask(predicateWaiter(cond, value, tests, log));
        Weft.await(Weft.sleep(0));
        for (int v = 1; v <= 2; v++) {
            Weft.await(cond.acquire());
            value[0] = v;
            cond.signalAll();
            cond.release();
            Weft.await(Weft.sleep(0));
            log.expect(2 * v, "value " + v + " signalled");
        }
        Weft.await(t);
        assertEquals(3, tests[0], "tested at the start, then after each signal");
        return Weft.done();
    }

    @Test
    void until_predicate_isTestedAfterEachSignalAndReturnsOnceTrue() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> untilPredicate(new Condition(), log));
        assertEquals(List.of("waits for value >= 2", "value 1 signalled", "returns with value 2",
                "value 2 signalled"), log.names());
    }

    @Async
    static Coroutine<String> failingPredicate(Condition cond, boolean[] fail) {
        try (Held held = Weft.await(cond.hold())) {
            try {
                Weft.await(cond.until(() -> {
                    if (fail[0]) {
                        throw new IllegalArgumentException("predicate failed");
                    }
                    return false;
                }));
            } catch (IllegalArgumentException e) {
                return Weft.done(e.getMessage() + ", locked=" + cond.locked());
            }
        }
        return Weft.done("no exception");
    }

    @Async
    static Coroutine<String> predicateThrows(Condition cond) {
        boolean[] fail = {false};
        Task<String> t = Weft.createTask(failingPredicate(cond, fail));
        Weft.await(Weft.sleep(0));
        Weft.await(cond.acquire());
        fail[0] = true;
        cond.signal(); // the predicate runs when the waiter gets the lock: not in this task
        cond.release();
        String outcome = Weft.await(t);
        assertFalse(cond.locked());
        return Weft.done(outcome);
    }

    @Test
    void until_predicateThrows_theWaiterGetsTheExceptionWithTheLockHeld() {
        assertEquals("predicate failed, locked=true",
                new VirtualLoop().runWithoutReports(() -> predicateThrows(new Condition())));
    }

    @Async
    static Coroutine<Void> takeAndRelease(Condition cond) {
        Weft.await(cond.acquire());
        cond.release();
        return Weft.done();
    }

    @Async
    static Coroutine<String> signalWhileHandedOver(Condition cond) {
        Weft.await(cond.acquire());
        Task<Void> b = Weft.createTask(takeAndRelease(cond));
        Weft.await(Weft.sleep(0));
        cond.release(); // handed to B, which has not run: nobody holds the lock now
        IllegalStateException e = assertThrows(IllegalStateException.class, cond::signal);
        Weft.await(b);
        return Weft.done(e.getMessage());
    }

    @Test
    void signal_whileTheLockIsHandedToATaskNotYetRun_failsAsUnacquired() {
        String message = new VirtualLoop().runWithoutReports(() -> signalWhileHandedOver(new Condition()));
        assertTrue(message.startsWith("cannot signal on an un-acquired lock"), message);
    }

    @Async
    static Coroutine<String> selfCancellingPredicate(Condition cond) {
        Weft.await(cond.acquire());
        Task<?> me = Weft.currentTask().orElseThrow();
        boolean[] first = {true};
        try {
            Weft.await(cond.until(() -> {
                if (first[0]) {
                    first[0] = false;
                    return false;
                }
                me.cancel("from the predicate");
                return true;
            }));
        } catch (CancelledError e) {
            boolean held = cond.locked();
            cond.release();
            return Weft.done("cancelled (" + e.getMessage() + "), lock held " + held);
        }
        cond.release();
        return Weft.done("returned although cancelled");
    }

    @Async
    static Coroutine<String> cancelFromPredicate(Condition cond) {
        Task<String> w = Weft.createTask(selfCancellingPredicate(cond));
        Weft.await(Weft.sleep(0));
        Weft.await(cond.acquire());
        cond.signal(); // w's predicate runs when the lock reaches it, and cancels w's task
        cond.release();
        return Weft.done(Weft.await(w));
    }

    @Test
    void until_predicateCancelsItsOwnTask_theWaitEndsWithCancelledErrorHoldingTheLock() {
        assertEquals("cancelled (from the predicate), lock held true",
                new VirtualLoop().runWithoutReports(() -> cancelFromPredicate(new Condition())));
    }

    @Async
    static Coroutine<Void> plainAcquirer(Lock lock, List<String> log, String name) {
        log.add(name + " waits for the lock");
        Weft.await(lock.acquire());
        log.add(name + " has the lock");
        lock.release();
        return Weft.done();
    }

    @Async
    static Coroutine<Void> sharedLock(Lock lock, Condition cond, List<String> log) {
        Task<Void> w = Weft.createTask(consumer(cond, log, "W"));
        Weft.await(Weft.sleep(0));
        Weft.await(lock.acquire());
        Task<Void> p = Weft.createTask(plainAcquirer(lock, log, "P"));
        Weft.await(Weft.sleep(0)); // P queues for the lock first
        log.add("main signals");
        cond.signal(); // W queues behind P
        assertTrue(cond.locked());
        lock.release();
        Weft.await(Weft.gather(w, p));
        assertFalse(lock.locked());
        return Weft.done();
    }

    @Test
    void condition_overASharedLock_signalledWaitersQueueBehindEarlierLockWaiters() {
        List<String> log = new ArrayList<>();
        Lock lock = new Lock();
        new VirtualLoop().runWithoutReports(() -> sharedLock(lock, new Condition(lock), log));
        assertEquals(List.of("W waits", "P waits for the lock", "main signals", "P has the lock",
                "W woken"), log);
    }

    @Async
    static Coroutine<List<String>> badInput(Condition cond) {
        List<String> messages = new ArrayList<>();
        messages.add(assertThrows(IllegalStateException.class, cond::signal).getMessage());
        messages.add(assertThrows(IllegalStateException.class, cond::signalAll).getMessage());
        try {
            Weft.await(cond.untilNotified());
            messages.add("waited without the lock");
        } catch (IllegalStateException e) {
            messages.add(e.getMessage());
        }
        Weft.await(cond.acquire());
        messages.add(assertThrows(IllegalArgumentException.class, () -> cond.signal(-1)).getMessage());
        cond.signal(0);
        cond.signal(); // nobody waits: nothing happens
        cond.release();
        messages.add(assertThrows(IllegalStateException.class, cond::release).getMessage());
        Weft.await(cond.acquire()); // still usable
        cond.release();
        return Weft.done(messages);
    }

    @Test
    void badInput_signalOrWaitWithoutTheLockOrNegativeCount_failsAndTheConditionStaysUsable() {
        List<String> messages = new VirtualLoop().runWithoutReports(() -> badInput(new Condition()));
        assertTrue(messages.get(0).startsWith("cannot signal on an un-acquired lock"), messages.get(0));
        assertTrue(messages.get(1).startsWith("cannot signalAll on an un-acquired lock"), messages.get(1));
        assertTrue(messages.get(2).startsWith("cannot wait on an un-acquired lock"), messages.get(2));
        assertEquals("cannot signal a negative number of waiters: -1", messages.get(3));
        assertTrue(messages.get(4).startsWith("Lock is not acquired"), messages.get(4));
        assertThrows(NullPointerException.class, () -> new Condition(null));
        assertThrows(NullPointerException.class, () -> new Condition().until(null));
    }
}
