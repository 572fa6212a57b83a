package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Timeout;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.testing.StepLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weft.timeout scopes and Weft.waitFor, on virtual time. */
class TimeoutTest {

    @Async
    static Coroutine<String> work(long millis, String name, List<String> log) {
        try {
            Weft.await(Weft.sleep(millis));
        } catch (CancelledError e) {
            log.add(name + " cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
        return Weft.done(name);
    }

    @Async
    static Coroutine<String> withinDeadline(List<String> log) {
        Timeout t = Weft.timeout(Duration.ofMillis(50));
        String v = Weft.await(t.run(work(20, "quick", log)));
        Weft.await(Weft.sleep(100)); // the scope has ended: its timer must not fire any more
        return Weft.done(v + " expired=" + t.expired() + " cancelling="
                + Weft.currentTask().orElseThrow().cancelling());
    }

    @Test
    void timeout_bodyFinishesInTime_returnsItsValueAndLeavesNoTimer() {
        List<String> log = new ArrayList<>();
        assertEquals("quick expired=false cancelling=0", new VirtualLoop().run(() -> withinDeadline(log)));
        assertEquals(List.of(), log);
    }

    @Async
    static Coroutine<String> pastDeadline(List<String> log) {
        Timeout t = Weft.timeout(Duration.ofMillis(50));
        try {
            Weft.await(t.run(work(1000, "slow", log)));
            return Weft.done("no timeout");
        } catch (TimeoutError e) {
            return Weft.done("timeout at " + VirtualLoop.nowMillis(Weft.loop()) + " cause="
                    + e.getCause().getClass().getSimpleName() + " expired=" + t.expired()
                    + " cancelling=" + Weft.currentTask().orElseThrow().cancelling());
        }
    }

    @Test
    void timeout_deadlinePasses_cancelsTheBodyAndRaisesTimeoutError() {
        List<String> log = new ArrayList<>();
        assertEquals("timeout at 50 cause=CancelledError expired=true cancelling=0",
                new VirtualLoop().run(() -> pastDeadline(log)));
        assertEquals(List.of("slow cancelled at 50"), log);
    }

    @Async
    static Coroutine<String> innerScope(List<String> log) {
        try {
            return Weft.done(Weft.await(Weft.timeout(Duration.ofSeconds(1)).run(work(5000, "body", log))));
        } catch (TimeoutError e) {
            log.add("inner scope raised TimeoutError");
            throw e;
        } catch (CancelledError e) {
            log.add("inner scope let CancelledError through");
            throw e;
        }
    }

    @Async
    static Coroutine<String> nested(List<String> log) {
        try {
            Weft.await(Weft.timeout(Duration.ofMillis(50)).run(innerScope(log)));
            return Weft.done("no timeout");
        } catch (TimeoutError e) {
            return Weft.done("outer timeout at " + VirtualLoop.nowMillis(Weft.loop()));
        }
    }

    @Test
    void timeout_nestedOuter50msInner1s_onlyTheOuterRaises() {
        List<String> log = new ArrayList<>();
        assertEquals("outer timeout at 50", new VirtualLoop().run(() -> nested(log)));
        assertEquals(List.of("body cancelled at 50", "inner scope let CancelledError through"), log);
    }

    @Async
    static Coroutine<String> nestedInnerFirst(List<String> log) {
        try {
            return Weft.done(Weft.await(Weft.timeout(Duration.ofSeconds(1)).run(innerScopeShort(log))));
        } catch (TimeoutError e) {
            return Weft.done("outer raised");
        }
    }

    @Async
    static Coroutine<String> innerScopeShort(List<String> log) {
        try {
            return Weft.done(Weft.await(Weft.timeout(Duration.ofMillis(30)).run(work(5000, "body", log))));
        } catch (TimeoutError e) {
            return Weft.done("inner raised at " + VirtualLoop.nowMillis(Weft.loop()));
        }
    }

    @Test
    void timeout_nestedInnerShorter_onlyTheInnerRaisesAndTheOuterGoesOn() {
        List<String> log = new ArrayList<>();
        assertEquals("inner raised at 30", new VirtualLoop().run(() -> nestedInnerFirst(log)));
    }

    @Async
    static Coroutine<String> underTimeout(List<String> log) {
        return Weft.done(Weft.await(Weft.timeout(Duration.ofMillis(100)).run(work(1000, "body", log))));
    }

    @Async
    static Coroutine<String> cancelFromOutside(List<String> log) {
        Task<String> t = Weft.createTask(underTimeout(log));
        Weft.await(Weft.sleep(10));
        t.cancel();
        try {
            Weft.await(t);
            return Weft.done("finished");
        } catch (TimeoutError e) {
            return Weft.done("wrongly a timeout");
        } catch (CancelledError e) {
            Weft.await(Weft.sleep(200)); // past the deadline: nothing may fire
            return Weft.done("cancelled");
        }
    }

    @Test
    void timeout_outsideCancellationBeforeTheDeadline_staysACancelledError() {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", new VirtualLoop().run(() -> cancelFromOutside(log)));
        assertEquals(List.of("body cancelled at 10"), log);
    }

    @Async
    static Coroutine<String> rescheduled(List<String> log) {
        Timeout t = Weft.timeout(Duration.ofMillis(10));
        t.reschedule(Duration.ofMillis(80));
        try {
            Weft.await(t.run(work(1000, "body", log)));
        } catch (TimeoutError e) {
            return Weft.done("timeout at " + VirtualLoop.nowMillis(Weft.loop()));
        }
        return Weft.done("no timeout");
    }

    @Test
    void timeout_rescheduled_expiresAtTheNewDeadline() {
        assertEquals("timeout at 80", new VirtualLoop().run(() -> rescheduled(new ArrayList<>())));
    }

    @Async
    static Coroutine<String> runTwice() {
        Timeout t = Weft.timeout(null);
        String first = Weft.await(t.run(work(1, "once", new ArrayList<>())));
        try {
            t.run(work(1, "twice", new ArrayList<>()));
        } catch (IllegalStateException e) {
            return Weft.done(first + " / " + e.getMessage());
        }
        return Weft.done("ran twice");
    }

    @Test
    void timeout_scopeRunTwice_isRefused() {
        assertEquals("once / this Timeout already ran a body: make a new one with Weft.timeout",
                new VirtualLoop().run(TimeoutTest::runTwice));
    }

    @Async
    static Coroutine<String> runTwiceBeforeAwaiting() {
        Timeout t = Weft.timeout(null);
        Coroutine<String> first = t.run(work(1, "once", new ArrayList<>()));
        try {
            t.run(work(1, "twice", new ArrayList<>()));
        } catch (IllegalStateException e) {
            return Weft.done(Weft.await(first) + " / " + e.getMessage());
        }
        return Weft.done("given two bodies");
    }

    @Test
    void timeout_secondBodyBeforeTheFirstStarts_isRefused() {
        assertEquals("once / this Timeout already ran a body: make a new one with Weft.timeout",
                new VirtualLoop().run(TimeoutTest::runTwiceBeforeAwaiting));
    }

    @Test
    void timeout_outsideALoop_failsWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Weft.timeout(Duration.ofMillis(1)));
        assertTrue(e.getMessage().startsWith("no running event loop"), e.getMessage());
    }

    // ---- waitFor ----------------------------------------------------------------------------

    @Async
    static Coroutine<String> slowCleanup(StepLog log) {
        try {
            Weft.await(Weft.sleep(1000));
            return Weft.done("finished");
        } finally {
            log.expect(1, "inner finally starts at " + VirtualLoop.nowMillis(Weft.loop()));
            Weft.await(Weft.sleep(30)); // the cleanup itself awaits
            log.expect(2, "inner finally ends at " + VirtualLoop.nowMillis(Weft.loop()));
        }
    }

    @Async
    static Coroutine<List<String>> waitForWithAwaitingCleanup(StepLog log) {
        try {
            Weft.await(Weft.waitFor(slowCleanup(log), Duration.ofMillis(20)));
        } catch (TimeoutError e) {
            log.expect(3, "TimeoutError at " + VirtualLoop.nowMillis(Weft.loop()));
        }
        return Weft.done(log.names());
    }

    @Test
    void waitFor_timeoutWithAnInnerFinallyThatAwaits_finishesTheCleanupBeforeTimeoutError() {
        StepLog log = new StepLog();
        assertEquals(List.of("inner finally starts at 20", "inner finally ends at 50", "TimeoutError at 50"),
                new VirtualLoop().run(() -> waitForWithAwaitingCleanup(log)));
    }

    @Async
    static Coroutine<String> waitForCancelledFromOutside(List<String> log) {
        return Weft.done(Weft.await(Weft.waitFor(work(1000, "inner", log), Duration.ofMillis(500))));
    }

    @Async
    static Coroutine<String> cancelWaitFor(List<String> log) {
        Task<String> t = Weft.createTask(waitForCancelledFromOutside(log));
        Weft.await(Weft.sleep(10));
        t.cancel();
        try {
            Weft.await(t);
        } catch (CancelledError e) {
            return Weft.done("cancelled");
        }
        return Weft.done("finished");
    }

    @Test
    void waitFor_callerCancelled_cancelsTheInnerAndRaisesCancelledError() {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", new VirtualLoop().run(() -> cancelWaitFor(log)));
        assertEquals(List.of("inner cancelled at 10"), log);
    }
}
