package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.junit.AsyncTest;
import dev.weft.junit.WeftTest;
import dev.weft.sync.Event;
import dev.weft.testing.StepLog;
import java.time.Duration;
import java.util.List;

/**
 * Event: set wakes every current waiter, even if cleared before they run; waits on a set event.
 * Async tests of weft-junit: each runs on a fresh loop on virtual time and fails on leftovers.
 */
@WeftTest(timeoutMillis = 30_000)
class EventTest {

    @Async
    static Coroutine<Void> waitFor(Event event, StepLog log, String name, int waits, int woken) {
        log.expect(waits, name + " waits");
        Weft.await(event.untilSet());
        log.expect(woken, name + " woken");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> setWakesAll(Event event, StepLog log) {
        Task<Void> a = Weft.createTask(waitFor(event, log, "A", 1, 5));
        Task<Void> b = Weft.createTask(waitFor(event, log, "B", 2, 6));
        Task<Void> c = Weft.createTask(waitFor(event, log, "C", 3, 7));
        Weft.await(Weft.sleep(0));
        assertEquals("<Event [unset, waiters:3]>", event.toString());
        log.expect(4, "main sets");
        event.set();
        assertTrue(event.isSet());
        Weft.await(Weft.gather(a, b, c));
        assertEquals("<Event [set]>", event.toString());
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> set_wakesEveryCurrentWaiterInTheOrderTheyWaited() {
        StepLog log = new StepLog();
        Weft.await(setWakesAll(new Event(), log));
        log.finish(8);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> setThenClear(Event event, StepLog log) {
        Task<Void> a = Weft.createTask(waitFor(event, log, "A", 1, 4));
        Task<Void> b = Weft.createTask(waitFor(event, log, "B", 2, 5));
        Weft.await(Weft.sleep(0));
        log.expect(3, "main sets and clears before the waiters run");
        event.set();
        event.clear();
        assertFalse(event.isSet());
        Weft.await(Weft.gather(a, b));
        Task<Void> late = Weft.createTask(waitFor(event, log, "late", 6, 8));
        Weft.await(Weft.sleep(0));
        log.expect(7, "a waiter that came after the clear waits for the next set");
        assertFalse(late.done());
        event.set();
        Weft.await(late);
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> set_thenClearBeforeTheWaitersRun_stillWakesThem() {
        StepLog log = new StepLog();
        Weft.await(setThenClear(new Event(), log));
        log.finish(9);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> alreadySet(Event event, StepLog log) {
        event.set();
        event.set(); // idempotent
        Weft.loop().callSoon(() -> log.expect(2, "a callback of the next iteration"));
        Weft.await(event.untilSet());
        log.expect(1, "returned in the same step");
        Weft.await(Weft.sleep(0));
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> untilSet_onASetEvent_returnsWithoutSuspending() {
        StepLog log = new StepLog();
        Weft.await(alreadySet(new Event(), log));
        log.finish(3);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> cancelledWaiter(Event event, StepLog log) {
        log.expect(1, "A waits");
        try {
            Weft.await(event.untilSet());
        } catch (CancelledError e) {
            log.expect(4, "A cancelled");
            throw e;
        }
        throw new AssertionError("A woken although cancelled");
    }

    @Async
    static Coroutine<Void> cancelOne(Event event, StepLog log) {
        Task<Void> a = Weft.createTask(cancelledWaiter(event, log));
        Task<Void> b = Weft.createTask(waitFor(event, log, "B", 2, 5));
        Weft.await(Weft.sleep(0));
        log.expect(3, "main cancels A, then sets");
        a.cancel();
        assertEquals("<Event [unset, waiters:1]>", event.toString());
        event.set();
        Weft.await(Weft.wait(List.of(a, b)));
        assertTrue(a.cancelled());
        try {
            event.clear();
            Weft.await(Weft.waitFor(event.untilSet(), Duration.ofMillis(10)));
            throw new AssertionError("an unset event was reported set");
        } catch (TimeoutError e) {
            log.expect(6, "a timed-out wait leaves no waiter: " + event);
        }
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> cancel_oneWaiter_theOthersAreStillWokenAndNoWaiterIsLeft() {
        StepLog log = new StepLog();
        Weft.await(cancelOne(new Event(), log));
        assertEquals("a timed-out wait leaves no waiter: <Event [unset]>", log.names().get(5));
        return Weft.done();
    }
}
