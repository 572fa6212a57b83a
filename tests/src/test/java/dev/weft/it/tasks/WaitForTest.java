package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.testing.StepLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Weft.waitFor on virtual time: a coroutine runs inline in the caller's task under a timeout
 * scope (so a cancellation of the caller reaches the awaited primitive itself and no inner result
 * can be orphaned); a future or task is awaited directly and cancelled on timeout or when the
 * caller is cancelled.
 */
class WaitForTest {

    /**
     * A mailbox whose {@link #take} removes the item when the taker <em>resumes</em>, as
     * asyncio's {@code Queue.get} does: a taker cancelled after the wake-up but before it resumes
     * takes nothing, and the item stays for someone else.
     */
    static final class Box {
        final Deque<String> items = new ArrayDeque<>();
        Future<Void> wakeUp;

        void put(String item) {
            items.add(item);
            if (wakeUp != null && !wakeUp.done()) {
                wakeUp.setResult(null);
            }
            wakeUp = null;
        }
    }

    @Async
    static Coroutine<String> take(Box box) {
        while (box.items.isEmpty()) {
            box.wakeUp = Weft.loop().createFuture();
            Weft.await(box.wakeUp); // a CancelledError here means nothing was taken
        }
        return Weft.done(box.items.poll());
    }

    @Async
    static Coroutine<String> consumer(Box box) {
        return Weft.done("got " + Weft.await(Weft.waitFor(take(box), Duration.ofSeconds(1))));
    }

    /**
     * The producer puts an item and, in the same step, schedules the consumer's cancellation:
     * the cancel runs in the next iteration, the one in which the consumer's take resumes.
     */
    @Async
    static Coroutine<String> putThenCancelSoon(boolean cancelAtOnce) {
        Box box = new Box();
        Task<String> c = Weft.createTask(consumer(box));
        Weft.await(Weft.sleep(1)); // the consumer waits in take()
        box.put("item");
        if (cancelAtOnce) {
            c.cancel("shutdown"); // woken but not resumed: take() must see the cancellation
        } else {
            Weft.loop().callSoon(() -> c.cancel("shutdown"));
        }
        String outcome;
        try {
            outcome = Weft.await(c);
        } catch (CancelledError e) {
            outcome = "consumer cancelled";
        }
        return Weft.done(outcome + ", box " + box.items);
    }

    @Test
    void waitFor_callerCancelledInTheIterationItsTakeResumes_theItemIsNeitherLostNorDuplicated() {
        // Before the fix the take ran in an inner task, which took the item and finished; the
        // consumer, cancelled before it resumed, then got a CancelledError and the item was gone.
        assertEquals("got item, box []", new VirtualLoop().run(() -> putThenCancelSoon(false)));
    }

    @Test
    void waitFor_callerCancelledAfterTheWakeUpBeforeItResumes_theItemStaysInTheBox() {
        assertEquals("consumer cancelled, box [item]", new VirtualLoop().run(() -> putThenCancelSoon(true)));
    }

    @Async
    static Coroutine<String> whoRuns() {
        return Weft.done(Weft.currentTask().orElseThrow().getName() + " tasks=" + Weft.allTasks().size());
    }

    @Async
    static Coroutine<String> inline() {
        Weft.currentTask().orElseThrow().setName("caller");
        return Weft.done(Weft.await(Weft.waitFor(whoRuns(), Duration.ofSeconds(1))));
    }

    @Test
    void waitFor_aCoroutine_runsInlineInTheCallersTaskWithoutAnInnerTask() {
        assertEquals("caller tasks=1", new VirtualLoop().run(WaitForTest::inline));
    }

    @Async
    static Coroutine<String> work(long millis, String name, List<String> log) {
        log.add(name + " starts at " + VirtualLoop.nowMillis(Weft.loop()));
        try {
            Weft.await(Weft.sleep(millis));
        } catch (CancelledError e) {
            log.add(name + " cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
        return Weft.done(name + " at " + VirtualLoop.nowMillis(Weft.loop()));
    }

    @Async
    static Coroutine<String> noLimit(List<String> log) {
        return Weft.done(Weft.await(Weft.waitFor(work(86_400_000L, "day", log), null)));
    }

    @Test
    void waitFor_nullTimeout_waitsAsLongAsItTakes() {
        List<String> log = new ArrayList<>();
        assertEquals("day at 86400000", new VirtualLoop().run(() -> noLimit(log)));
    }

    @Async
    static Coroutine<String> zeroOnACoroutine(Duration timeout, List<String> log) {
        try {
            return Weft.done(Weft.await(Weft.waitFor(work(10, "body", log), timeout)));
        } catch (TimeoutError e) {
            return Weft.done("TimeoutError at " + VirtualLoop.nowMillis(Weft.loop())
                    + " cause=" + e.getCause().getClass().getSimpleName());
        }
    }

    @Test
    void waitFor_zeroOrNegativeTimeoutOnACoroutine_timesOutAtOnceWithoutRunningIt() {
        for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(-5))) {
            List<String> log = new ArrayList<>();
            assertEquals("TimeoutError at 0 cause=CancelledError", new VirtualLoop().run(() -> zeroOnACoroutine(d, log)));
            assertEquals(List.of(), log, "the body never runs");
        }
    }

    @Async
    static Coroutine<String> zeroOnFutures(StepLog log) {
        Future<String> done = Weft.loop().createFuture();
        done.setResult("ready");
        String first = Weft.await(Weft.waitFor(done, Duration.ZERO));
        Future<String> pending = Weft.loop().createFuture();
        try {
            Weft.await(Weft.waitFor(pending, Duration.ofMillis(-1)));
        } catch (TimeoutError e) {
            log.expect(1, "pending future: TimeoutError, cancelled=" + pending.cancelled());
        }
        Task<String> stubborn = Weft.createTask(swallowAfterCleanup(log, 2));
        Weft.await(Weft.sleep(1));
        String swallowed = Weft.await(Weft.waitFor(stubborn, Duration.ZERO));
        return Weft.done(first + " / " + swallowed + " at " + VirtualLoop.nowMillis(Weft.loop()));
    }

    /** Swallows a cancellation after a cleanup that itself awaits 5 ms, and returns a value. */
    @Async
    static Coroutine<String> swallowAfterCleanup(StepLog log, int step) {
        try {
            Weft.await(Weft.sleep(1000));
            return Weft.done("finished");
        } catch (CancelledError e) {
            Weft.await(Weft.sleep(5));
            log.expect(step, "cleanup done at " + VirtualLoop.nowMillis(Weft.loop()));
            return Weft.done("swallowed");
        }
    }

    @Test
    void waitFor_zeroTimeoutOnFutures_aDoneOneGivesItsResultAPendingOneIsCancelledAndWaitedFor() {
        StepLog log = new StepLog();
        assertEquals("ready / swallowed at 6", new VirtualLoop().run(() -> zeroOnFutures(log)));
        assertEquals(List.of("pending future: TimeoutError, cancelled=true", "cleanup done at 6"), log.names());
    }

    @Async
    static Coroutine<String> onATask(StepLog log) {
        Task<String> t = Weft.createTask(cleanupThenRethrow(log));
        try {
            return Weft.done(Weft.await(Weft.waitFor(t, Duration.ofMillis(20))));
        } catch (TimeoutError e) {
            log.expect(2, e.getMessage() + " at " + VirtualLoop.nowMillis(Weft.loop()) + ", task cancelled=" + t.cancelled());
            return Weft.done("timed out");
        }
    }

    @Async
    static Coroutine<String> cleanupThenRethrow(StepLog log) {
        try {
            Weft.await(Weft.sleep(1000));
            return Weft.done("finished");
        } finally {
            Weft.await(Weft.sleep(30));
            log.expect(1, "task cleanup done at " + VirtualLoop.nowMillis(Weft.loop()));
        }
    }

    @Test
    void waitFor_aTaskThatTimesOut_isCancelledAndItsCleanupAwaitedBeforeTimeoutError() {
        StepLog log = new StepLog();
        assertEquals("timed out", new VirtualLoop().run(() -> onATask(log)));
        assertEquals(List.of("task cleanup done at 50", "the deadline of Weft.waitFor passed at 50, task cancelled=true"),
                log.names());
    }

    @Async
    static Coroutine<String> awaitTask(Task<String> t, StepLog log) {
        try {
            return Weft.done(Weft.await(Weft.waitFor(t, Duration.ofSeconds(1))));
        } catch (CancelledError e) {
            log.expect(2, "caller cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
    }

    @Async
    static Coroutine<String> callerCancelledAroundATask(StepLog log) {
        Task<String> t = Weft.createTask(cleanupThenRethrow(log));
        Task<String> caller = Weft.createTask(awaitTask(t, log));
        Weft.await(Weft.sleep(10));
        caller.cancel();
        Weft.await(Weft.wait(List.of(caller)));
        return Weft.done("caller cancelled=" + caller.cancelled() + ", task cancelled=" + t.cancelled());
    }

    @Test
    void waitFor_callerCancelledWhileItWaitsForATask_cancelsTheTaskAndWaitsForItsCleanup() {
        StepLog log = new StepLog();
        assertEquals("caller cancelled=true, task cancelled=true",
                new VirtualLoop().run(() -> callerCancelledAroundATask(log)));
        assertEquals(List.of("task cleanup done at 40", "caller cancelled at 40"), log.names());
    }

    @Async
    static Coroutine<String> awaitFuture(Future<String> f) {
        return Weft.done(Weft.await(Weft.waitFor(f, Duration.ofSeconds(1))));
    }

    @Async
    static Coroutine<String> callerCancelledAroundAFuture() {
        Future<String> pending = Weft.loop().createFuture();
        Task<String> a = Weft.createTask(awaitFuture(pending));
        Future<String> completed = Weft.loop().createFuture();
        Task<String> b = Weft.createTask(awaitFuture(completed));
        Weft.await(Weft.sleep(1));
        a.cancel();
        completed.setResult("kept");
        b.cancel(); // the future is done already: the caller is cancelled, the value stays in it
        Weft.await(Weft.wait(List.of(a, b)));
        return Weft.done("a cancelled=" + a.cancelled() + " future cancelled=" + pending.cancelled()
                + "; b cancelled=" + b.cancelled() + " future result=" + completed.result());
    }

    @Test
    void waitFor_callerCancelled_cancelsAPendingFutureAndLeavesADoneOnesResultInIt() {
        assertEquals("a cancelled=true future cancelled=true; b cancelled=true future result=kept",
                new VirtualLoop().run(WaitForTest::callerCancelledAroundAFuture));
    }

    @Async
    static Coroutine<String> innerWaitFor(Duration inner, List<String> log) {
        try {
            return Weft.done(Weft.await(Weft.waitFor(work(5000, "body", log), inner)));
        } catch (TimeoutError e) {
            return Weft.done("inner TimeoutError at " + VirtualLoop.nowMillis(Weft.loop()));
        } catch (CancelledError e) {
            log.add("inner let CancelledError through");
            throw e;
        }
    }

    @Async
    static Coroutine<String> nestedWaitFor(Duration outer, Duration inner, List<String> log) {
        try {
            String v = Weft.await(Weft.waitFor(innerWaitFor(inner, log), outer));
            Weft.await(Weft.sleep(1000)); // both scopes have ended: no timer may fire any more
            return Weft.done(v + ", then went on to " + VirtualLoop.nowMillis(Weft.loop()));
        } catch (TimeoutError e) {
            return Weft.done("outer TimeoutError at " + VirtualLoop.nowMillis(Weft.loop()));
        }
    }

    @Test
    void waitFor_nested_onlyTheScopeWhoseDeadlinePassedRaises() {
        List<String> log = new ArrayList<>();
        assertEquals("outer TimeoutError at 50",
                new VirtualLoop().run(() -> nestedWaitFor(Duration.ofMillis(50), Duration.ofSeconds(1), log)));
        assertEquals(List.of("body starts at 0", "body cancelled at 50", "inner let CancelledError through"), log);
        List<String> log2 = new ArrayList<>();
        assertEquals("inner TimeoutError at 30, then went on to 1030",
                new VirtualLoop().run(() -> nestedWaitFor(Duration.ofSeconds(1), Duration.ofMillis(30), log2)));
    }

    @Async
    static Coroutine<String> lazy(List<String> log) {
        var later = Weft.<String>waitFor(work(40, "body", log), Duration.ofMillis(50));
        Weft.await(Weft.sleep(20)); // nothing has started yet: the deadline counts from the await
        return Weft.done(Weft.await(later));
    }

    @Test
    void waitFor_isACoroutine_nothingRunsAndNoDeadlineStartsUntilItIsAwaited() {
        List<String> log = new ArrayList<>();
        assertEquals("body at 60", new VirtualLoop().run(() -> lazy(log)));
        assertEquals(List.of("body starts at 20"), log);
    }

    @Async
    static Coroutine<String> onStages() {
        String now = Weft.await(Weft.waitFor(CompletableFuture.completedFuture("stage"), Duration.ofMillis(5)));
        try {
            Weft.await(Weft.waitFor(new CompletableFuture<String>(), Duration.ofMillis(5)));
        } catch (TimeoutError e) {
            return Weft.done(now + ", then TimeoutError at " + VirtualLoop.nowMillis(Weft.loop()));
        }
        return Weft.done("no timeout");
    }

    @Test
    void waitFor_onCompletionStages_givesTheValueOrTimesOut() {
        assertEquals("stage, then TimeoutError at 5", new VirtualLoop().run(WaitForTest::onStages));
    }

    @Test
    void waitFor_somethingNotAwaitable_isRejectedAtTheCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Weft.waitFor("not a future", Duration.ofSeconds(1)));
        assertEquals("not awaitable: java.lang.String (pass a Coroutine, a Future or a CompletionStage)", e.getMessage());
    }
}
