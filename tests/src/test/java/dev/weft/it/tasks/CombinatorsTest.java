package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.WaitResult;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** gather, wait, waitFor, asCompleted and shield, on virtual time. */
class CombinatorsTest {

    private static <T> T run(Supplier<Coroutine<T>> main) {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            return loop.runUntilComplete(main.get());
        } finally {
            loop.close();
        }
    }

    @Async
    static Coroutine<String> after(long millis, String value, List<String> log) {
        try {
            Weft.await(Weft.sleep(millis));
        } catch (CancelledError e) {
            log.add("cancelled " + value);
            throw e;
        }
        log.add("done " + value);
        return Weft.done(value);
    }

    @Async
    static Coroutine<String> failAfter(long millis, String message) {
        Weft.await(Weft.sleep(millis));
        throw new IllegalStateException(message);
    }

    @Async
    static Coroutine<List<String>> gatherThree(List<String> log) {
        return Weft.done(Weft.await(Weft.gather(after(30, "a", log), after(10, "b", log), after(20, "c", log))));
    }

    @Test
    void gather_returnsResultsInArgumentOrder_whateverTheCompletionOrder() {
        List<String> log = new ArrayList<>();
        assertEquals(List.of("a", "b", "c"), run(() -> gatherThree(log)));
        assertEquals(List.of("done b", "done c", "done a"), log);
    }

    @Async
    static Coroutine<List<Object>> gatherWithFailure(boolean returnExceptions, List<String> log) {
        return Weft.done(Weft.await(Weft.gather(
                List.of(after(10, "ok", log), failAfter(5, "bad")), returnExceptions)));
    }

    @Test
    void gather_firstFailure_isRaised_orReturnedInPlace() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(() -> gatherWithFailure(false, new ArrayList<>())));
        assertEquals("bad", e.getMessage());
        List<Object> results = run(() -> gatherWithFailure(true, new ArrayList<>()));
        assertEquals("ok", results.get(0));
        assertTrue(results.get(1) instanceof IllegalStateException);
    }

    @Async
    static Coroutine<String> cancelGather(List<String> log) {
        Future<List<String>> g = Weft.gather(after(100, "x", log), after(200, "y", log));
        Weft.await(Weft.sleep(10));
        g.cancel();
        Weft.await(Weft.sleep(1));
        return Weft.done(g.cancelled() ? "gather cancelled" : "not cancelled");
    }

    @Test
    void gather_cancelled_cancelsItsChildren() {
        List<String> log = new ArrayList<>();
        assertEquals("gather cancelled", run(() -> cancelGather(log)));
        assertEquals(List.of("cancelled x", "cancelled y"), log);
    }

    @Async
    static Coroutine<String> waitModes(List<String> log) {
        List<Coroutine<String>> three = List.of(after(10, "a", log), failAfter(20, "bad"), after(30, "c", log));
        WaitResult<String> first = Weft.await(Weft.wait(three, null, ReturnWhen.FIRST_COMPLETED));
        Future<String> firstDone = first.done().iterator().next();
        WaitResult<String> all = Weft.await(Weft.wait(new ArrayList<>(first.pending())));
        WaitResult<String> timed = Weft.await(Weft.wait(List.of(after(100, "slow", log)),
                Duration.ofMillis(50), ReturnWhen.ALL_COMPLETED));
        Task<String> slow = (Task<String>) timed.pending().iterator().next();
        slow.cancel();
        return Weft.done(firstDone.result() + " " + first.pending().size() + " " + all.done().size() + " "
                + all.pending().size() + " " + timed.done().size() + "/" + timed.pending().size());
    }

    @Test
    void wait_firstCompletedAllCompletedAndTimeout_splitDoneFromPendingWithoutCancelling() {
        List<String> log = new ArrayList<>();
        VirtualLoop vl = new VirtualLoop();
        assertEquals("a 2 2 0 0/1", vl.run(() -> waitModes(log)));
        // wait() hands back the failed task without reading its exception, and nothing else
        // does: reported as never retrieved, as asyncio does.
        assertEquals(1, vl.reports.size(), vl.reports.toString());
        assertTrue(vl.reports.get(0).startsWith("Task exception was never retrieved: <Task finished "), vl.reports.get(0));
        assertTrue(vl.reports.get(0).endsWith(" | java.lang.IllegalStateException: bad"), vl.reports.get(0));
    }

    @Async
    static Coroutine<String> waitForTimesOut(List<String> log) {
        try {
            Weft.await(Weft.waitFor(after(100, "late", log), Duration.ofMillis(20)));
            return Weft.done("no timeout");
        } catch (TimeoutError e) {
            return Weft.done("timeout after " + Math.round(Weft.loop().time() * 1000) + " ms");
        }
    }

    @Test
    void waitFor_timeout_cancelsTheInnerWaitsForItsCleanupAndRaisesTimeoutError() {
        List<String> log = new ArrayList<>();
        assertEquals("timeout after 20 ms", run(() -> waitForTimesOut(log)));
        assertEquals(List.of("cancelled late"), log);
    }

    @Async
    static Coroutine<String> stubborn() {
        try {
            Weft.await(Weft.sleep(100));
        } catch (CancelledError e) {
            return Weft.done("swallowed"); // ignores the cancel and returns a value
        }
        return Weft.done("finished");
    }

    @Async
    static Coroutine<String> waitForStubborn() {
        return Weft.done(Weft.await(Weft.waitFor(stubborn(), Duration.ofMillis(10))));
    }

    @Test
    void waitFor_innerSwallowsTheCancel_itsValueIsReturned() {
        assertEquals("swallowed", run(CombinatorsTest::waitForStubborn));
    }

    @Async
    static Coroutine<List<String>> completionOrder(List<String> log) {
        List<String> got = new ArrayList<>();
        for (Future<String> next : Weft.<String>asCompleted(
                List.of(after(30, "a", log), after(10, "b", log), after(20, "c", log)))) {
            got.add(Weft.await(next));
        }
        return Weft.done(got);
    }

    @Test
    void asCompleted_yieldsResultsInCompletionOrder() {
        assertEquals(List.of("b", "c", "a"), run(() -> completionOrder(new ArrayList<>())));
    }

    @Async
    static Coroutine<String> shielded(List<String> log) {
        Task<String> inner = Weft.createTask(after(50, "inner", log));
        Future<String> outer = Weft.shield(inner);
        Weft.await(Weft.sleep(10));
        outer.cancel();
        return Weft.done(outer.cancelled() + " " + Weft.await(inner));
    }

    @Test
    void shield_cancellingTheOuterLeavesTheInnerRunning() {
        List<String> log = new ArrayList<>();
        assertEquals("true inner", run(() -> shielded(log)));
        assertEquals(List.of("done inner"), log);
    }
}
