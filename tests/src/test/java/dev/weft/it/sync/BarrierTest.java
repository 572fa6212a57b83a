package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.junit.AsyncTest;
import dev.weft.junit.WeftTest;
import dev.weft.sync.Barrier;
import dev.weft.sync.BrokenBarrierError;
import java.util.ArrayList;
import java.util.List;

/** Barrier: arrival indices, rounds, reset, abort, cancellation, bad input. */
@WeftTest(timeoutMillis = 30_000)
class BarrierTest {

    @Async
    static Coroutine<Integer> party(Barrier barrier, List<String> log, String name) {
        log.add(name + " arrives");
        int index = Weft.await(barrier.arrive());
        log.add(name + " passes with index " + index);
        return Weft.done(index);
    }

    @Async
    static Coroutine<List<Integer>> oneRound(Barrier barrier, List<String> log) {
        Task<Integer> a = Weft.createTask(party(barrier, log, "A"));
        Task<Integer> b = Weft.createTask(party(barrier, log, "B"));
        Weft.await(Weft.sleep(0));
        assertEquals(2, barrier.nWaiting());
        assertEquals("<Barrier [filling, waiters:2/3]>", barrier.toString());
        Weft.loop().callSoon(() -> log.add("next iteration"));
        log.add("C arrives");
        int c = Weft.await(barrier.arrive()); // the last party: passes at once
        log.add("C passes with index " + c);
        assertEquals(0, barrier.nWaiting());
        List<Integer> indices = new ArrayList<>(Weft.await(Weft.gather(a, b)));
        indices.add(c);
        // the barrier is ready for a second round
        Task<Integer> d = Weft.createTask(party(barrier, log, "D"));
        Task<Integer> e = Weft.createTask(party(barrier, log, "E"));
        Task<Integer> f = Weft.createTask(party(barrier, log, "F"));
        indices.addAll(Weft.await(Weft.gather(d, e, f)));
        return Weft.done(indices);
    }

    @AsyncTest
    @Async
    Coroutine<Void> arrive_lastOfTheParties_releasesAllWithTheirArrivalIndices() {
        List<String> log = new ArrayList<>();
        List<Integer> indices = Weft.await(oneRound(new Barrier(3), log));
        assertEquals(List.of(0, 1, 2, 0, 1, 2), indices);
        assertEquals(List.of("A arrives", "B arrives", "C arrives", "C passes with index 2",
                "next iteration", "A passes with index 0", "B passes with index 1",
                "D arrives", "E arrives", "F arrives", "F passes with index 2",
                "D passes with index 0", "E passes with index 1"), log);
        return Weft.done();
    }

    @Async
    static Coroutine<String> brokenParty(Barrier barrier, List<String> log, String name) {
        try {
            Weft.await(barrier.arrive());
            return Weft.done(name + " passed");
        } catch (BrokenBarrierError e) {
            log.add(name + ": " + e.getMessage());
            return Weft.done(name + " broken");
        }
    }

    @Async
    static Coroutine<Void> resetAndAbort(Barrier barrier, List<String> log) {
        Task<String> a = Weft.createTask(brokenParty(barrier, log, "A"));
        Weft.await(Weft.sleep(0));
        barrier.reset();
        assertEquals("A broken", Weft.await(a));
        assertFalse(barrier.broken(), "a reset barrier is usable");
        Task<String> b = Weft.createTask(brokenParty(barrier, log, "B"));
        Weft.await(Weft.sleep(0));
        barrier.abort();
        assertEquals("B broken", Weft.await(b));
        assertTrue(barrier.broken());
        assertEquals("C broken", Weft.await(brokenParty(barrier, log, "C")));
        assertEquals("<Barrier [broken]>", barrier.toString());
        barrier.reset();
        assertFalse(barrier.broken());
        Task<String> d = Weft.createTask(brokenParty(barrier, log, "D"));
        Weft.await(Weft.sleep(0));
        assertEquals(1, Weft.await(barrier.arrive()));
        assertEquals("D passed", Weft.await(d));
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> resetAndAbort_failWaitersWithBrokenBarrierError_abortUntilTheNextReset() {
        List<String> log = new ArrayList<>();
        Weft.await(resetAndAbort(new Barrier(2), log));
        assertEquals(List.of("A: the barrier was reset while this task waited at it",
                "B: the barrier was aborted",
                "C: the barrier is broken: it was aborted (reset() repairs it)"), log);
        return Weft.done();
    }

    @Async
    static Coroutine<List<Integer>> cancelOneParty(Barrier barrier, List<String> log) {
        Task<Integer> a = Weft.createTask(party(barrier, log, "A"));
        Task<Integer> b = Weft.createTask(party(barrier, log, "B"));
        Weft.await(Weft.sleep(0));
        a.cancel();
        Weft.await(Weft.wait(List.of(a)));
        assertEquals(1, barrier.nWaiting(), "the cancelled party left the round");
        Task<Integer> c = Weft.createTask(party(barrier, log, "C"));
        Weft.await(Weft.sleep(0));
        assertFalse(b.done(), "the round still needs a third party");
        int last = Weft.await(barrier.arrive());
        return Weft.done(List.of(Weft.await(b), Weft.await(c), last));
    }

    @AsyncTest
    @Async
    Coroutine<Void> cancel_aWaitingParty_leavesTheRoundAndIndicesStayUnique() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of(0, 1, 2), Weft.await(cancelOneParty(new Barrier(3), log)));
        return Weft.done();
    }

    @Async
    static Coroutine<Integer> single(Barrier barrier) {
        int first = Weft.await(barrier.arrive());
        int second = Weft.await(barrier.arrive());
        return Weft.done(first + second + barrier.parties());
    }

    @AsyncTest
    @Async
    Coroutine<Void> barrier_badPartiesOrOneParty() {
        assertEquals("Barrier parties must be > 0, not 0",
                assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-3));
        assertEquals(1, Weft.await(single(new Barrier(1))));
        return Weft.done();
    }
}
