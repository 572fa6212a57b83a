package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.testing.StepLog;
import org.junit.jupiter.api.Test;

/**
 * A cancellation requested while the task itself runs, and not yet delivered when its coroutine
 * returns: the task ends cancelled, as asyncio's {@code Task.__step} does with {@code _must_cancel}
 * on {@code StopIteration}, unless {@code uncancel()} withdrew the last request first.
 */
class CancelWhileRunningTest {

    /** Cancels its own task {@code times} times, withdraws {@code withdrawn} of them, then returns. */
    @Async
    static Coroutine<String> cancelSelfThenReturn(int times, int withdrawn, StepLog log) {
        Weft.await(Weft.sleep(5)); // the cancel comes after the last await has resumed
        Task<?> me = Weft.currentTask().orElseThrow();
        for (int i = 0; i < times; i++) {
            me.cancel("stop " + i);
        }
        for (int i = 0; i < withdrawn; i++) {
            me.uncancel();
        }
        log.expect(1, "returns with cancelling=" + me.cancelling());
        return Weft.done("value");
    }

    @Async
    static Coroutine<String> outcome(int times, int withdrawn, StepLog log) {
        Task<String> t = Weft.createTask(cancelSelfThenReturn(times, withdrawn, log));
        try {
            String v = Weft.await(t);
            return Weft.done("result " + v + " cancelled=" + t.cancelled() + " cancelling=" + t.cancelling());
        } catch (CancelledError e) {
            return Weft.done("CancelledError(" + e.getMessage() + ") cancelled=" + t.cancelled()
                    + " cancelling=" + t.cancelling());
        }
    }

    @Test
    void cancel_ofItselfThenReturnWithoutAwaiting_theTaskEndsCancelled() {
        StepLog log = new StepLog();
        assertEquals("CancelledError(stop 0) cancelled=true cancelling=1",
                new VirtualLoop().run(() -> outcome(1, 0, log)));
        assertEquals("returns with cancelling=1", log.names().get(0));
    }

    @Test
    void cancel_ofItselfWithdrawnByUncancelBeforeReturn_theTaskCompletesWithItsValue() {
        StepLog log = new StepLog();
        assertEquals("result value cancelled=false cancelling=0",
                new VirtualLoop().run(() -> outcome(1, 1, log)));
    }

    @Test
    void cancel_twiceWithOneWithdrawn_aRequestRemainsAndTheTaskEndsCancelled() {
        StepLog log = new StepLog();
        assertEquals("CancelledError(stop 1) cancelled=true cancelling=1",
                new VirtualLoop().run(() -> outcome(2, 1, log)));
    }

    @Async
    static Coroutine<String> cancelSelfThenThrow() {
        Weft.currentTask().orElseThrow().cancel();
        throw new IllegalStateException("boom");
    }

    @Async
    static Coroutine<String> failureWins() {
        Task<String> t = Weft.createTask(cancelSelfThenThrow());
        try {
            Weft.await(t);
            return Weft.done("completed");
        } catch (IllegalStateException e) {
            return Weft.done("failed " + e.getMessage() + " cancelled=" + t.cancelled());
        }
    }

    @Test
    void cancel_ofItselfThenThrow_theExceptionIsTheOutcome() {
        assertEquals("failed boom cancelled=false", new VirtualLoop().run(CancelWhileRunningTest::failureWins));
    }

    @Async
    static Coroutine<String> cancelSelfThenAwait(StepLog log) {
        Weft.currentTask().orElseThrow().cancel("at the next await");
        try {
            Weft.await(Weft.sleep(0));
        } catch (CancelledError e) {
            log.expect(1, "delivered " + e.getMessage());
            Weft.currentTask().orElseThrow().uncancel();
        }
        return Weft.done("recovered");
    }

    @Async
    static Coroutine<String> deliveredAtTheNextAwait(StepLog log) {
        Task<String> t = Weft.createTask(cancelSelfThenAwait(log));
        return Weft.done(Weft.await(t) + " cancelled=" + t.cancelled());
    }

    @Test
    void cancel_ofItselfThenAwait_isDeliveredThereAndASwallowedOneLeavesNothingPending() {
        StepLog log = new StepLog();
        assertEquals("recovered cancelled=false", new VirtualLoop().run(() -> deliveredAtTheNextAwait(log)));
        assertEquals("delivered at the next await", log.names().get(0));
    }

    /** The root of a task that never ran its body: cancelled before its first step, as before. */
    @Async
    static Coroutine<String> cancelledBeforeFirstStep(StepLog log) {
        Task<String> t = Weft.createTask(cancelSelfThenReturn(1, 0, log));
        t.cancel("early");
        try {
            return Weft.done(Weft.await(t));
        } catch (CancelledError e) {
            return Weft.done("CancelledError(" + e.getMessage() + ") steps=" + log.names().size());
        }
    }

    @Test
    void cancel_beforeTheFirstStep_stillNeverRunsTheBody() {
        assertEquals("CancelledError(early) steps=0",
                new VirtualLoop().run(() -> cancelledBeforeFirstStep(new StepLog())));
    }
}
