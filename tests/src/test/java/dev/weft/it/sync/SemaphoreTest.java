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
import dev.weft.sync.BoundedSemaphore;
import dev.weft.sync.Held;
import dev.weft.sync.Semaphore;
import dev.weft.testing.StepLog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Semaphore and BoundedSemaphore: FIFO hand-off, newcomers queue, cancellation, bad input. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@SuppressWarnings("try") // a Held resource is there to be closed, not referenced
class SemaphoreTest {

    /** Takes a permit, logs step {@code got}, keeps it for one loop turn, gives it back. */
    @Async
    static Coroutine<Void> takeTurn(Semaphore sem, StepLog log, String name, int waits, int got) {
        log.expect(waits, name + " waits");
        Weft.await(sem.acquire());
        log.expect(got, name + " got a permit");
        Weft.await(Weft.sleep(0));
        sem.release();
        return Weft.done();
    }

    @Async
    static Coroutine<Void> freePermits(Semaphore sem, StepLog log) {
        Weft.loop().callSoon(() -> log.expect(2, "a callback of the next iteration"));
        Weft.await(sem.acquire());
        Weft.await(sem.acquire());
        log.expect(1, "two permits taken in the same step");
        assertTrue(sem.locked());
        assertEquals(0, sem.availablePermits());
        sem.release();
        sem.release();
        assertEquals(2, sem.availablePermits());
        Weft.await(Weft.sleep(0));
        return Weft.done();
    }

    @Test
    void acquire_freePermits_completesWithoutSuspending() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> freePermits(new Semaphore(2), log));
        log.finish(3);
    }

    @Async
    static Coroutine<Void> fifo(Semaphore sem, StepLog log) {
        Weft.await(sem.acquire());
        Task<Void> a = Weft.createTask(takeTurn(sem, log, "A", 1, 5));
        Task<Void> b = Weft.createTask(takeTurn(sem, log, "B", 2, 6));
        Task<Void> c = Weft.createTask(takeTurn(sem, log, "C", 3, 7));
        Weft.await(Weft.sleep(0));
        log.expect(4, "main releases");
        sem.release();
        Weft.await(Weft.gather(a, b, c));
        assertEquals(1, sem.availablePermits());
        return Weft.done();
    }

    @Test
    void release_queuedWaiters_servesThemInTheOrderTheyAsked() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> fifo(new Semaphore(1), log));
        log.finish(8);
    }

    @Async
    static Coroutine<Void> newcomer(Semaphore sem, StepLog log) {
        Weft.await(sem.acquire());
        Weft.await(sem.acquire());
        Task<Void> a = Weft.createTask(takeTurn(sem, log, "A", 1, 4));
        Task<Void> b = Weft.createTask(takeTurn(sem, log, "B", 2, 5));
        Weft.await(Weft.sleep(0));
        sem.release(); // straight to A
        sem.release(); // straight to B
        assertEquals(0, sem.availablePermits(), "the permits belong to the woken waiters");
        log.expect(3, "main asks again at once");
        Weft.await(sem.acquire()); // asyncio's old bug let this take a woken waiter's permit
        log.expect(6, "main got a permit after A and B");
        sem.release();
        Weft.await(Weft.gather(a, b));
        assertEquals(2, sem.availablePermits());
        return Weft.done();
    }

    @Test
    void acquire_whileWokenWaitersHaveNotRun_newcomerQueuesBehindThem() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> newcomer(new Semaphore(2), log));
        log.finish(7);
    }

    @Async
    static Coroutine<Void> cancelledWaiter(Semaphore sem, StepLog log, int waits, int cancelled) {
        log.expect(waits, "X waits");
        try {
            Weft.await(sem.acquire());
        } catch (CancelledError e) {
            log.expect(cancelled, "X cancelled");
            throw e;
        }
        throw new AssertionError("X got a permit although cancelled");
    }

    @Async
    static Coroutine<Void> cancellations(Semaphore sem, StepLog log) {
        Weft.await(sem.acquire());
        Task<Void> x1 = Weft.createTask(cancelledWaiter(sem, log, 1, 4));
        Task<Void> x2 = Weft.createTask(cancelledWaiter(sem, log, 2, 5));
        Task<Void> b = Weft.createTask(takeTurn(sem, log, "B", 3, 6));
        Weft.await(Weft.sleep(0));
        x1.cancel(); // pending: leaves the queue
        sem.release(); // to x2
        x2.cancel(); // handed a permit, not run yet: passes it to B
        Weft.await(Weft.wait(List.of(x1, x2, b)));
        assertTrue(x1.cancelled() && x2.cancelled());
        assertEquals(1, sem.availablePermits());
        Weft.await(sem.acquire());
        Task<Void> x3 = Weft.createTask(cancelledWaiter(sem, log, 7, 8));
        Weft.await(Weft.sleep(0));
        sem.release(); // to x3
        x3.cancel(); // nobody queued behind: the permit goes back to the count
        assertEquals(1, sem.availablePermits());
        Weft.await(Weft.wait(List.of(x3)));
        return Weft.done();
    }

    @Test
    void cancel_pendingOrWokenWaiter_neverLosesAPermit() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> cancellations(new Semaphore(1), log));
        log.finish(9);
    }

    @Async
    static Coroutine<Void> holds(Semaphore sem) {
        try (Held permit = Weft.await(sem.hold())) {
            assertEquals(0, sem.availablePermits());
            throw new IllegalStateException("body fails");
        } catch (IllegalStateException e) {
            assertEquals(1, sem.availablePermits(), "given back although the body threw");
        }
        return Weft.done();
    }

    @Async
    static Coroutine<String> countedPermitHolder(Semaphore sem, int[] holders) {
        try {
            Weft.await(sem.acquire());
        } catch (CancelledError e) {
            return Weft.done("cancelled");
        }
        holders[0]++;
        holders[1] = Math.max(holders[1], holders[0]);
        Weft.await(Weft.sleep(0));
        holders[0]--;
        sem.release();
        return Weft.done("held");
    }

    @Async
    static Coroutine<String> cancelThenUncancelWokenPermitWaiter(Semaphore sem) {
        int[] holders = new int[2];
        Weft.await(sem.acquire());
        Task<String> b = Weft.createTask(countedPermitHolder(sem, holders));
        Task<String> c = Weft.createTask(countedPermitHolder(sem, holders));
        Weft.await(Weft.sleep(0));
        sem.release(); // the one permit is handed to B, which has not run yet
        b.cancel();    // B forfeits it to C
        b.uncancel();  // withdrawn before B runs: B must not spend the permit C now has
        String outcome = Weft.await(b) + ", " + Weft.await(c);
        return Weft.done(outcome + ", most holders at once " + holders[1] + ", " + sem);
    }

    @Test
    void cancel_wokenWaiterThenUncancel_noPermitIsSpentTwice() {
        assertEquals("cancelled, held, most holders at once 1, <Semaphore [unlocked, value:1]>",
                new VirtualLoop().runWithoutReports(() -> cancelThenUncancelWokenPermitWaiter(new Semaphore(1))));
    }

    @Async
    static Coroutine<String> boundedReleaseTwice(BoundedSemaphore sem) {
        int[] holders = new int[2];
        Weft.await(sem.acquire());
        Task<String> b = Weft.createTask(countedPermitHolder(sem, holders));
        Weft.await(Weft.sleep(0));
        sem.release(); // the one permit is on its way to B
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release,
                "over-released while the permit is handed to B, as asyncio counts it");
        String outcome = Weft.await(b);
        return Weft.done(outcome + ", " + sem + " / " + e.getMessage());
    }

    @Test
    void release_boundedTwiceWhileTheWokenWaiterHasNotRun_fails() {
        assertEquals("held, <BoundedSemaphore [unlocked, value:1]> / BoundedSemaphore released "
                + "too many times: all 1 permits are already free or handed to woken waiters that "
                + "have not run yet (<BoundedSemaphore [locked]>)",
                new VirtualLoop().runWithoutReports(() -> boundedReleaseTwice(new BoundedSemaphore(1))));
    }

    @Test
    void hold_tryWithResources_givesThePermitBack() {
        new VirtualLoop().runWithoutReports(() -> holds(new BoundedSemaphore(1)));
    }

    @Async
    static Coroutine<String> overRelease(BoundedSemaphore sem) {
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertEquals(2, sem.availablePermits(), "unchanged");
        Weft.await(sem.acquire());
        Weft.await(sem.acquire());
        Task<Void> waiter = Weft.createTask(takeTurn(sem, new StepLog(), "W", 1, 2));
        Weft.await(Weft.sleep(0));
        sem.release(); // with a waiter queued: goes to it, allowed
        sem.release();
        Weft.await(waiter);
        assertEquals(2, sem.availablePermits());
        assertThrows(IllegalStateException.class, sem::release);
        return Weft.done(e.getMessage());
    }

    @Test
    void release_boundedSemaphoreAboveItsInitialValue_failsAndChangesNothing() {
        String message = new VirtualLoop().runWithoutReports(() -> overRelease(new BoundedSemaphore(2)));
        assertEquals("BoundedSemaphore released too many times: all 2 permits are already free "
                + "(<BoundedSemaphore [unlocked, value:2]>)", message);
    }

    @Test
    void constructor_negativeValue_failsWithIllegalArgument() {
        assertEquals("Semaphore initial value must be >= 0, not -1",
                assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-1));
        assertFalse(new Semaphore(0).toString().contains("value"), new Semaphore(0).toString());
    }
}
