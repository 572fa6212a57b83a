package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.InvalidStateError;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.testing.StepLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task cancellation, cancelling()/uncancel(), currentTask/allTasks and bad input, on virtual time. */
class CancellationTest {

    @Async
    static Coroutine<Void> startAfter(int id, StepLog log, int before, int after) {
        log.expect(before, "start" + id);
        Weft.await(Weft.sleep(0));
        log.expect(after, "after" + id);
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> threeYielders(StepLog log) {
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Weft.createTask(startAfter(i, log, i + 1, i + 5)));
        }
        Weft.loop().callSoon(() -> log.expect(4, "cb"));
        Weft.await(Weft.gather(tasks.get(0), tasks.get(1), tasks.get(2)));
        return Weft.done(log.names());
    }

    @Test
    void sleepZero_threeTasksAndACallback_interleaveOneTurnEach() {
        StepLog log = new StepLog();
        assertEquals(List.of("start0", "start1", "start2", "cb", "after0", "after1", "after2"),
                new VirtualLoop().run(() -> threeYielders(log)));
    }

    @Async
    static Coroutine<String> sleepAndReport(List<String> log) {
        try {
            Weft.await(Weft.sleep(1000));
            return Weft.done("finished");
        } catch (CancelledError e) {
            log.add("cancelled with " + e.getMessage());
            throw e;
        }
    }

    @Async
    static Coroutine<String> cancelWithMessage(List<String> log) {
        Task<String> t = Weft.createTask(sleepAndReport(log));
        Weft.await(Weft.sleep(10));
        boolean first = t.cancel("stop now");
        try {
            Weft.await(t);
            return Weft.done("not cancelled");
        } catch (CancelledError e) {
            return Weft.done(first + " " + t.cancelled() + " " + e.getMessage() + " " + t.cancel());
        }
    }

    @Test
    void cancel_withMessage_deliversCancelledErrorWithThatMessageAtTheAwait() {
        List<String> log = new ArrayList<>();
        assertEquals("true true stop now false", new VirtualLoop().run(() -> cancelWithMessage(log)));
        assertEquals(List.of("cancelled with stop now"), log);
    }

    @Async
    static Coroutine<String> body(List<String> log) {
        log.add("body ran");
        return Weft.done("x");
    }

    @Async
    static Coroutine<String> cancelBeforeStart(List<String> log) {
        Task<String> t = Weft.createTask(body(log));
        t.cancel();
        String repr = t.toString();
        try {
            Weft.await(t);
        } catch (CancelledError e) {
            return Weft.done(repr.substring(0, 16) + " " + t.cancelled());
        }
        return Weft.done("not cancelled");
    }

    @Test
    void cancel_beforeTheFirstStep_theBodyNeverRuns() {
        List<String> log = new ArrayList<>();
        assertEquals("<Task cancelling true", new VirtualLoop().run(() -> cancelBeforeStart(log)));
        assertEquals(List.of(), log);
    }

    @Async
    static Coroutine<String> swallow() {
        try {
            Weft.await(Weft.sleep(100));
        } catch (CancelledError e) {
            Task<?> me = Weft.currentTask().orElseThrow();
            int during = me.cancelling();
            int after = me.uncancel();
            Weft.await(Weft.sleep(10)); // no cancellation is pending any more: this sleep completes
            return Weft.done("swallowed " + during + " " + after);
        }
        return Weft.done("not cancelled");
    }

    @Async
    static Coroutine<String> cancelSwallowed() {
        Task<String> t = Weft.createTask(swallow());
        Weft.await(Weft.sleep(1));
        t.cancel();
        return Weft.done(Weft.await(t) + " " + t.cancelled());
    }

    @Test
    void uncancel_afterASwallowedCancel_countGoesBackAndTheTaskCompletes() {
        assertEquals("swallowed 1 0 false", new VirtualLoop().run(CancellationTest::cancelSwallowed));
    }

    @Async
    static Coroutine<String> inner(List<String> log) {
        try {
            Weft.await(Weft.sleep(100));
        } finally {
            log.add("inner cleanup");
        }
        return Weft.done("inner");
    }

    @Async
    static Coroutine<String> outerAwaitingTask(List<String> log) {
        Task<String> in = Weft.createTask(inner(log));
        try {
            return Weft.done(Weft.await(in));
        } catch (CancelledError e) {
            log.add("outer cancelled, inner cancelled=" + in.cancelled());
            throw e;
        }
    }

    @Async
    static Coroutine<String> cancelChain(List<String> log) {
        Task<String> outer = Weft.createTask(outerAwaitingTask(log));
        Weft.await(Weft.sleep(5));
        outer.cancel();
        try {
            Weft.await(outer);
        } catch (CancelledError e) {
            return Weft.done("outer cancelled");
        }
        return Weft.done("outer finished");
    }

    @Test
    void cancel_taskAwaitingATask_cancelsTheAwaitedTaskFirst() {
        List<String> log = new ArrayList<>();
        assertEquals("outer cancelled", new VirtualLoop().run(() -> cancelChain(log)));
        assertEquals(List.of("inner cleanup", "outer cancelled, inner cancelled=true"), log);
    }

    @Async
    static Coroutine<String> introspect() {
        Task<?> me = Weft.currentTask().orElseThrow();
        Task<Void> other = Weft.createTask(Weft.sleep(50), "sleeper");
        List<Task<?>> all = Weft.allTasks();
        String names = all.contains(me) + " " + all.contains(other) + " " + other.getName();
        Weft.await(other);
        return Weft.done(names + " " + Weft.allTasks().contains(other));
    }

    @Test
    void currentTaskAndAllTasks_insideATask_seeItselfAndPendingTasksOnly() {
        assertEquals("true true sleeper false", new VirtualLoop().run(CancellationTest::introspect));
        assertTrue(Weft.currentTask().isEmpty(), "no task outside a loop");
    }

    @Async
    static Coroutine<String> awaitSelf() {
        Weft.await(Weft.sleep(0));
        try {
            Weft.await(Weft.currentTask().orElseThrow());
        } catch (IllegalStateException e) {
            return Weft.done(e.getMessage().substring(0, 26));
        }
        return Weft.done("awaited itself");
    }

    @Test
    void await_ofTheCurrentTaskItself_failsWithAClearMessage() {
        assertEquals("a task cannot await itself", new VirtualLoop().run(CancellationTest::awaitSelf));
    }

    @Test
    void badInput_resultOfPendingFutureSetResultTwiceCreateTaskOnClosedLoop_failWithMessages() {
        EventLoop loop = EventLoop.create();
        Future<String> f = loop.createFuture();
        InvalidStateError pending = assertThrows(InvalidStateError.class, f::result);
        assertEquals("Result is not ready.", pending.getMessage());
        f.setResult("a");
        InvalidStateError twice = assertThrows(InvalidStateError.class, () -> f.setResult("b"));
        assertTrue(twice.getMessage().startsWith("future is already done"), twice.getMessage());
        loop.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> loop.createTask(Weft.sleep(1)));
        assertEquals("event loop is closed", closed.getMessage());
    }

    @Async
    static Coroutine<String> leaveThingsRunning(EventLoop[] seen) {
        seen[0] = Weft.loop();
        Weft.createTask(Weft.sleep(60_000));
        Weft.loop().callLater(60_000, () -> { });
        return Weft.done("main done");
    }

    @Test
    void run_leavesTasksTimersRunning_cancelsThemAndClosesTheLoop() {
        EventLoop[] seen = new EventLoop[1];
        assertEquals("main done", Weft.run(leaveThingsRunning(seen)));
        assertTrue(seen[0].isClosed());
        assertFalse(seen[0].isRunning());
    }
}
