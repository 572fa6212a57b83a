package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.sync.Held;
import dev.weft.sync.Lock;
import dev.weft.testing.StepLog;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lock: the fast path, FIFO hand-off without barging, cancellation, hold(), bad input. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@SuppressWarnings("try") // a Held resource is there to be closed, not referenced
class LockTest {

    /** Waits for the lock, logs step {@code got}, holds it for one loop turn, releases it. */
    @Async
    static Coroutine<Void> takeTurn(Lock lock, StepLog log, String name, int waits, int got) {
        log.expect(waits, name + " waits");
        Weft.await(lock.acquire());
        log.expect(got, name + " got the lock");
        Weft.await(Weft.sleep(0));
        lock.release();
        return Weft.done();
    }

    @Async
    static Coroutine<Void> uncontended(Lock lock, StepLog log) {
        Weft.loop().callSoon(() -> log.expect(3, "a callback of the next iteration"));
        log.expect(1, "acquire");
        Weft.await(lock.acquire());
        log.expect(2, "acquired in the same step");
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked());
        Weft.await(Weft.sleep(0));
        log.expect(4, "end");
        return Weft.done();
    }

    @Test
    void acquire_freeLock_completesWithoutSuspending() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> uncontended(new Lock(), log));
        log.finish(5);
    }

    @Async
    static Coroutine<Long> manyUncontended(Lock lock, int n) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < 1000; i++) { // warm-up, so the measured loop runs compiled code
            Weft.await(lock.acquire());
            lock.release();
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < n; i++) {
            Weft.await(lock.acquire());
            lock.release();
        }
        return Weft.done(mx.getThreadAllocatedBytes(tid) - before);
    }

    @Test
    void acquire_uncontended_allocatesNoFuture() {
        int n = 100_000;
        long bytes = new VirtualLoop().runWithoutReports(() -> manyUncontended(new Lock(), n));
        // A future is at least 24 bytes; a few hundred bytes of measuring noise are allowed.
        assertTrue(bytes < n / 10, () -> bytes + " bytes allocated by " + n + " uncontended acquires");
    }

    @Async
    static Coroutine<Void> threeWaiters(Lock lock, StepLog log) {
        Weft.await(lock.acquire());
        Task<Void> a = Weft.createTask(takeTurn(lock, log, "A", 1, 5));
        Task<Void> b = Weft.createTask(takeTurn(lock, log, "B", 2, 6));
        Task<Void> c = Weft.createTask(takeTurn(lock, log, "C", 3, 7));
        Weft.await(Weft.sleep(0)); // all three queue, in creation order
        log.expect(4, "main releases");
        lock.release();
        Weft.await(Weft.gather(a, b, c));
        assertFalse(lock.locked());
        return Weft.done();
    }

    @Test
    void release_threeWaiters_lockPassesInTheOrderTheyAsked() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> threeWaiters(new Lock(), log));
        log.finish(8);
    }

    @Async
    static Coroutine<Void> releaseThenReacquire(Lock lock, StepLog log) {
        Weft.await(lock.acquire());
        Task<Void> a = Weft.createTask(takeTurn(lock, log, "A", 1, 3));
        Weft.await(Weft.sleep(0));
        lock.release(); // A is woken, but has not run yet
        assertTrue(lock.locked(), "the lock already belongs to the woken waiter");
        log.expect(2, "main asks again at once");
        Weft.await(lock.acquire()); // must queue behind A, not barge in
        log.expect(4, "main got it after A");
        lock.release();
        Weft.await(a);
        return Weft.done();
    }

    @Test
    void acquire_rightAfterARelease_queuesBehindTheWokenWaiter() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> releaseThenReacquire(new Lock(), log));
        log.finish(5);
    }

    /** Waits for the lock and must be cancelled while waiting; logs the cancellation. */
    @Async
    static Coroutine<Void> cancelledWaiter(Lock lock, StepLog log, String name, int waits, int cancelled) {
        log.expect(waits, name + " waits");
        try {
            Weft.await(lock.acquire());
        } catch (CancelledError e) {
            log.expect(cancelled, name + " cancelled");
            throw e;
        }
        throw new AssertionError(name + " got the lock although it was cancelled");
    }

    @Async
    static Coroutine<Void> cancelPendingWaiter(Lock lock, StepLog log) {
        Weft.await(lock.acquire());
        Task<Void> a = Weft.createTask(cancelledWaiter(lock, log, "A", 1, 4));
        Task<Void> b = Weft.createTask(takeTurn(lock, log, "B", 2, 5));
        Weft.await(Weft.sleep(0));
        log.expect(3, "main cancels A, then releases");
        a.cancel();
        lock.release();
        Weft.await(Weft.wait(java.util.List.of(a, b)));
        assertTrue(a.cancelled());
        assertFalse(lock.locked());
        return Weft.done();
    }

    @Test
    void cancel_pendingWaiter_leavesTheQueueAndTheNextOneGetsTheLock() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> cancelPendingWaiter(new Lock(), log));
        log.finish(6);
    }

    @Async
    static Coroutine<Void> cancelWokenWaiter(Lock lock, StepLog log) {
        Weft.await(lock.acquire());
        Task<Void> a = Weft.createTask(cancelledWaiter(lock, log, "A", 1, 4));
        Task<Void> b = Weft.createTask(takeTurn(lock, log, "B", 2, 5));
        Weft.await(Weft.sleep(0));
        log.expect(3, "main releases (A is handed the lock), then cancels A before it runs");
        lock.release();
        a.cancel();
        Weft.await(Weft.wait(java.util.List.of(a, b)));
        assertTrue(a.cancelled());
        assertFalse(lock.locked(), "the lock was handed on, not lost");
        return Weft.done();
    }

    @Test
    void cancel_waiterWokenButNotRun_handsTheLockToTheNextWaiter() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> cancelWokenWaiter(new Lock(), log));
        log.finish(6);
    }

    @Async
    static Coroutine<Void> cancelWokenLastWaiter(Lock lock) {
        Weft.await(lock.acquire());
        Task<Void> a = Weft.createTask(cancelledWaiter(lock, new StepLog(), "A", 1, 2));
        Weft.await(Weft.sleep(0));
        lock.release();
        a.cancel();
        a.cancel(); // a second cancellation must not hand the lock on twice
        assertFalse(lock.locked(), "handed back with nobody queued: free again");
        Weft.await(lock.acquire());
        Task<Void> b = Weft.createTask(takeTurn(lock, new StepLog(), "B", 1, 2));
        Weft.await(Weft.sleep(0));
        assertTrue(lock.locked());
        lock.release();
        Weft.await(b);
        assertFalse(lock.locked());
        return Weft.done();
    }

    @Test
    void cancel_wokenLastWaiterTwice_unlocksOnce() {
        new VirtualLoop().runWithoutReports(() -> cancelWokenLastWaiter(new Lock()));
    }

    /** Holds the lock for one iteration, counting holders; answers how it ended. */
    @Async
    static Coroutine<String> countedHolder(Lock lock, int[] holders) {
        try {
            Weft.await(lock.acquire());
        } catch (CancelledError e) {
            return Weft.done("cancelled");
        }
        holders[0]++;
        holders[1] = Math.max(holders[1], holders[0]);
        Weft.await(Weft.sleep(0));
        holders[0]--;
        lock.release();
        return Weft.done("held");
    }

    @Async
    static Coroutine<String> cancelThenUncancelWokenWaiter(Lock lock) {
        int[] holders = new int[2]; // holding now, most at once
        Weft.await(lock.acquire());
        Task<String> b = Weft.createTask(countedHolder(lock, holders));
        Task<String> c = Weft.createTask(countedHolder(lock, holders));
        Weft.await(Weft.sleep(0));
        lock.release(); // handed to B, which has not run yet
        b.cancel();     // B forfeits: the lock goes on to C
        b.uncancel();   // withdrawn before B runs: it must not make B an owner again
        String outcome = Weft.await(b) + ", " + Weft.await(c);
        return Weft.done(outcome + ", most holders at once " + holders[1] + ", " + lock);
    }

    @Test
    void cancel_wokenWaiterThenUncancel_theLockHasOneOwnerOnly() {
        assertEquals("cancelled, held, most holders at once 1, <Lock [unlocked]>",
                new VirtualLoop().runWithoutReports(() -> cancelThenUncancelWokenWaiter(new Lock())));
    }

    @Async
    static Coroutine<String> releaseTwice(Lock lock) {
        int[] holders = new int[2];
        Weft.await(lock.acquire());
        Task<String> b = Weft.createTask(countedHolder(lock, holders));
        Task<String> c = Weft.createTask(countedHolder(lock, holders));
        Weft.await(Weft.sleep(0));
        lock.release(); // handed to B, which has not run yet
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release,
                "a second release of one acquire must not hand the lock to C as well");
        String outcome = Weft.await(b) + ", " + Weft.await(c);
        return Weft.done(outcome + ", most holders at once " + holders[1] + ", " + lock + " / "
                + e.getMessage());
    }

    @Test
    void release_twiceWhileTheWokenWaiterHasNotRun_failsAndTheLockKeepsOneOwner() {
        assertEquals("held, held, most holders at once 1, <Lock [unlocked]> / Lock is not "
                + "acquired: it was handed to a waiting task that has not run yet, so this "
                + "release() is one too many (<Lock [locked, waiters:1]>)",
                new VirtualLoop().runWithoutReports(() -> releaseTwice(new Lock())));
    }

    @Async
    static Coroutine<Void> cancelBeforeSuspending(Lock lock) {
        Weft.await(lock.acquire());
        Task<Void> self = Weft.createTask(selfCancelledAcquire(lock));
        Weft.await(Weft.wait(java.util.List.of(self)));
        assertTrue(self.cancelled());
        assertEquals("<Lock [locked]>", lock.toString(), "no waiter left behind");
        lock.release();
        return Weft.done();
    }

    @Async
    static Coroutine<Void> selfCancelledAcquire(Lock lock) {
        Weft.currentTask().orElseThrow().cancel(); // pending when the acquire below suspends
        Weft.await(lock.acquire());
        throw new AssertionError("acquired although cancelled");
    }

    @Test
    void acquire_byATaskAlreadyCancelled_failsAndLeavesNoWaiter() {
        new VirtualLoop().runWithoutReports(() -> cancelBeforeSuspending(new Lock()));
    }

    @Async
    static Coroutine<Void> timedOutAcquire(Lock lock, StepLog log) {
        Weft.await(lock.acquire());
        try {
            Weft.await(Weft.waitFor(lock.acquire(), Duration.ofMillis(10)));
            throw new AssertionError("acquired a held lock");
        } catch (TimeoutError e) {
            log.expect(1, "waitFor timed out at " + VirtualLoop.nowMillis(Weft.loop()));
        }
        try {
            Weft.await(Weft.timeout(Duration.ofMillis(10)).run(lock.acquire()));
            throw new AssertionError("acquired a held lock");
        } catch (TimeoutError e) {
            log.expect(2, "timeout scope expired at " + VirtualLoop.nowMillis(Weft.loop()));
        }
        assertEquals("<Lock [locked]>", lock.toString());
        lock.release();
        assertFalse(lock.locked());
        return Weft.done();
    }

    @Test
    void acquire_timingOut_leavesNoWaiterBehind() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> timedOutAcquire(new Lock(), log));
        assertEquals(java.util.List.of("waitFor timed out at 10", "timeout scope expired at 20"), log.names());
    }

    @Async
    static Coroutine<Void> holdBlocks(Lock lock, StepLog log) {
        try (Held held = Weft.await(lock.hold())) {
            log.expect(1, "held " + held);
            assertTrue(lock.locked());
            Weft.await(Weft.sleep(5));
        }
        assertFalse(lock.locked(), "released at the end of the block");
        try (Held held = Weft.await(lock.hold())) {
            log.expect(2, "held again");
            Weft.await(Weft.sleep(5));
            throw new IllegalArgumentException("boom");
        } catch (IllegalArgumentException e) {
            log.expect(3, "caught " + e.getMessage() + ", locked=" + lock.locked());
        }
        Held first = Weft.await(lock.hold());
        first.close();
        Weft.await(lock.acquire()); // someone else's hold now: a second close must not release it
        first.close();
        assertTrue(lock.locked());
        lock.release();
        return Weft.done();
    }

    @Test
    void hold_tryWithResources_releasesAtTheEndEvenWhenTheBodyThrows() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> holdBlocks(new Lock(), log));
        assertEquals(java.util.List.of("held <Held>", "held again", "caught boom, locked=false"),
                log.names());
    }

    @Async
    static Coroutine<Void> holdInTurn(Lock lock, StepLog log, String name, int got) {
        try (Held held = Weft.await(lock.hold())) {
            log.expect(got, name + " holds");
            Weft.await(Weft.sleep(1));
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> contendedHolds(Lock lock, StepLog log) {
        Task<Void> a = Weft.createTask(holdInTurn(lock, log, "A", 1));
        Task<Void> b = Weft.createTask(holdInTurn(lock, log, "B", 2));
        Task<Void> c = Weft.createTask(holdInTurn(lock, log, "C", 3));
        Weft.await(Weft.gather(a, b, c));
        assertFalse(lock.locked());
        return Weft.done();
    }

    @Test
    void hold_contended_eachBlockRunsAloneInArrivalOrder() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> contendedHolds(new Lock(), log));
        log.finish(4);
    }

    @Async
    static Coroutine<String> releaseUnlocked(Lock lock) {
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        Weft.await(lock.acquire()); // still usable
        lock.release();
        return Weft.done(e.getMessage());
    }

    @Test
    void release_unlockedLock_failsWithIllegalStateAndTheLockStaysUsable() {
        String message = new VirtualLoop().runWithoutReports(() -> releaseUnlocked(new Lock()));
        assertTrue(message.startsWith("Lock is not acquired"), message);
    }
}
