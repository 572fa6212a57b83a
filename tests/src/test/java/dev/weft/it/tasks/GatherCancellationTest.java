package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a gather waits for its children's cleanup (issue 12, point 1), on virtual time. The
 * Python 3.13 twin ({@code asyncio.gather} of two children whose cleanup awaits 30 and 10 ms):
 * {@code cancel -> True; cancel again -> True}; the children are cancelled at 0 ms; with
 * {@code return_exceptions=True} the gather raises {@code CancelledError} after the last cleanup
 * (30 ms); {@code cancel()} of the finished gather is False; a {@code cancel()} between the
 * children's end and the gather's completion is False and the result {@code [1, 2]} is kept.
 * Deliberately unlike asyncio, weft waits for the last child with {@code return_exceptions=False}
 * too (asyncio stops waiting at the first child's end: 10 ms).
 */
class GatherCancellationTest {

    @Async
    static Coroutine<String> child(String name, long cleanupMillis, List<String> log) {
        try {
            Weft.await(Weft.sleep(100_000));
        } catch (CancelledError e) {
            log.add(name + " cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            Weft.await(Weft.sleep(cleanupMillis));
            log.add(name + " cleanup done at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
        return Weft.done(name);
    }

    @Async
    static Coroutine<String> cancelThenAwait(boolean returnExceptions, List<String> log) {
        Future<List<Object>> g = Weft.gather(List.of(child("a", 30, log), child("b", 10, log)), returnExceptions);
        Weft.await(Weft.sleep(10));
        long start = VirtualLoop.nowMillis(Weft.loop());
        log.add("cancel -> " + g.cancel());
        log.add("cancel again -> " + g.cancel());
        try {
            Weft.await(g);
            log.add("gather returned");
        } catch (CancelledError e) {
            log.add("gather raised CancelledError after " + (VirtualLoop.nowMillis(Weft.loop()) - start)
                    + " ms, cancelled()=" + g.cancelled());
        }
        log.add("cancel finished -> " + g.cancel());
        return Weft.done("done");
    }

    @Test
    void cancel_withReturnExceptions_completesCancelledOnlyWhenTheLastChildIsDone() {
        List<String> log = new ArrayList<>();
        VirtualLoop vl = new VirtualLoop();
        assertEquals("done", vl.runWithoutReports(() -> cancelThenAwait(true, log)));
        assertEquals(List.of("cancel -> true", "cancel again -> true", "a cancelled at 10", "b cancelled at 10",
                "b cleanup done at 20", "a cleanup done at 40", "gather raised CancelledError after 30 ms, cancelled()=true",
                "cancel finished -> false"), log);
    }

    @Test
    void cancel_withoutReturnExceptions_alsoWaitsForTheLastChild() {
        List<String> log = new ArrayList<>();
        VirtualLoop vl = new VirtualLoop();
        assertEquals("done", vl.runWithoutReports(() -> cancelThenAwait(false, log)));
        assertEquals(List.of("cancel -> true", "cancel again -> true", "a cancelled at 10", "b cancelled at 10",
                "b cleanup done at 20", "a cleanup done at 40", "gather raised CancelledError after 30 ms, cancelled()=true",
                "cancel finished -> false"), log);
    }

    @Async
    static Coroutine<String> waitForGather(List<String> log) {
        try {
            Weft.await(Weft.waitFor(Weft.gather(child("a", 30, log), child("b", 10, log)), Duration.ofMillis(10)));
            return Weft.done("no timeout");
        } catch (TimeoutError e) {
            return Weft.done("timeout at " + VirtualLoop.nowMillis(Weft.loop()));
        }
    }

    @Test
    void waitFor_ofAGather_waitsForEveryChildsCleanupBeforeTimeoutError() {
        List<String> log = new ArrayList<>();
        assertEquals("timeout at 40", new VirtualLoop().runWithoutReports(() -> waitForGather(log)));
        assertEquals(List.of("a cancelled at 10", "b cancelled at 10", "b cleanup done at 20", "a cleanup done at 40"), log);
    }

    @Async
    static Coroutine<Integer> quick(int v) {
        return Weft.done(v);
    }

    @Async
    static Coroutine<String> cancelAfterChildrenFinished() {
        Future<List<Integer>> g = Weft.gather(quick(1), quick(2));
        Weft.await(Weft.sleep(0)); // the children run and finish; the gather's callbacks are queued
        boolean cancelled = g.cancel();
        return Weft.done("done=" + g.done() + " cancel -> " + cancelled + " result " + Weft.await(g));
    }

    @Test
    void cancel_afterEveryChildFinished_butBeforeTheGatherCompleted_keepsTheResult() {
        assertEquals("done=false cancel -> false result [1, 2]",
                new VirtualLoop().runWithoutReports(GatherCancellationTest::cancelAfterChildrenFinished));
    }

    @Async
    static Coroutine<String> swallower(List<String> log) {
        try {
            Weft.await(Weft.sleep(100));
        } catch (CancelledError e) {
            log.add("swallowed");
        }
        return Weft.done("value");
    }

    @Async
    static Coroutine<String> cancelledChildErrorIsTheGathers(List<String> log) {
        List<Coroutine<String>> children = List.of(child("a", 5, log), swallower(log));
        Future<List<String>> g = Weft.gather(children, true);
        Weft.await(Weft.sleep(1));
        g.cancel("stop");
        CancelledError first = null;
        for (int i = 0; i < 3; i++) {
            try {
                Weft.await(g);
            } catch (CancelledError e) {
                if (first == null) {
                    first = e;
                }
                assertSame(first, e, "the same CancelledError at every await");
            }
        }
        return Weft.done(first.getMessage() + " " + g.cancelled());
    }

    @Test
    void cancel_aChildSwallowsIt_theGatherStillEndsCancelled_withTheOtherChildsError() {
        List<String> log = new ArrayList<>();
        assertEquals("stop true", new VirtualLoop().runWithoutReports(() -> cancelledChildErrorIsTheGathers(log)));
        assertEquals(List.of("a cancelled at 1", "swallowed", "a cleanup done at 6"), log);
    }

    @Async
    static Coroutine<String> failsLate(long millis) {
        Weft.await(Weft.sleep(millis));
        throw new IllegalStateException("late failure");
    }

    @Async
    static Coroutine<String> secondFailureAfterTheGatherFailed() {
        try {
            Weft.await(Weft.gather(failsLate(1), failsLate(2)));
        } catch (IllegalStateException e) {
            Weft.await(Weft.sleep(10)); // the second child fails after the gather is done
        }
        return Weft.done("done");
    }

    @Test
    void childFailingAfterTheGatherFailed_isReadByTheGather_notReportedAsNeverRetrieved() {
        assertEquals("done", new VirtualLoop().runWithoutReports(GatherCancellationTest::secondFailureAfterTheGatherFailed));
    }
}
