package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule for exceptions nobody retrieved: reported at the end of the iteration in which the
 * task failed, unless someone awaited it, read it or registered a done callback by then.
 */
class UnretrievedErrorsTest {

    @Async
    static Coroutine<String> fails(String message) {
        throw new IllegalStateException(message);
    }

    @Async
    static Coroutine<String> forgotten() {
        Weft.createTask(fails("nobody looks"), "forgotten");
        Weft.await(Weft.sleep(10));
        return Weft.done("main done");
    }

    @Test
    void failedTask_nobodyRetrieves_isReportedOnceThroughTheHandler() {
        VirtualLoop vl = new VirtualLoop();
        assertEquals("main done", vl.run(UnretrievedErrorsTest::forgotten));
        assertEquals(1, vl.reports.size(), vl.reports::toString);
        String report = vl.reports.get(0);
        assertTrue(report.startsWith("Task exception was never retrieved: <Task finished name='forgotten'"), report);
        assertTrue(report.endsWith("java.lang.IllegalStateException: nobody looks"), report);
    }

    @Async
    static Coroutine<String> awaitsInTheSameIteration() {
        Task<String> t = Weft.createTask(fails("awaited later"));
        Weft.await(Weft.sleep(0)); // t runs (and fails) first in the next iteration, then we resume
        try {
            Weft.await(t);
        } catch (IllegalStateException e) {
            return Weft.done("caught " + e.getMessage());
        }
        return Weft.done("no error");
    }

    @Test
    void failedTask_awaitedLaterInTheSameIteration_isNotReported() {
        VirtualLoop vl = new VirtualLoop();
        assertEquals("caught awaited later", vl.run(UnretrievedErrorsTest::awaitsInTheSameIteration));
        assertEquals(List.of(), vl.reports);
    }

    @Async
    static Coroutine<String> readsWithCallbackOrResult() {
        Task<String> withCallback = Weft.createTask(fails("has a callback"));
        withCallback.addDoneCallback(f -> { });
        Task<String> cancelled = Weft.createTask(fails("never runs"));
        cancelled.cancel();
        Weft.await(Weft.sleep(10));
        return Weft.done("done");
    }

    @Test
    void failedTask_withADoneCallback_andACancelledTask_areNotReported() {
        VirtualLoop vl = new VirtualLoop();
        assertEquals("done", vl.run(UnretrievedErrorsTest::readsWithCallbackOrResult));
        assertEquals(List.of(), vl.reports);
    }

    @Async
    static Coroutine<String> awaitedTooLate() {
        Task<String> t = Weft.createTask(fails("too late"));
        Weft.await(Weft.sleep(10));
        try {
            Weft.await(t);
        } catch (IllegalStateException e) {
            return Weft.done("caught anyway");
        }
        return Weft.done("no error");
    }

    @Test
    void failedTask_awaitedOnlyInALaterIteration_wasAlreadyReported() {
        VirtualLoop vl = new VirtualLoop();
        assertEquals("caught anyway", vl.run(UnretrievedErrorsTest::awaitedTooLate));
        assertEquals(1, vl.reports.size(), vl.reports::toString);
    }
}
