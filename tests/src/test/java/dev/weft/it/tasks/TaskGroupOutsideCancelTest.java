package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.ExceptionGroup;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An outside cancel during a failing TaskGroup is not lost (issue 12, point 2), on virtual time.
 * The Python 3.13 twin prints: {@code outside cancel -> True}, {@code sleeper cancelled},
 * {@code caught (ValueError('child failed'),) cancelling 1}, {@code second await raised
 * CancelledError}, {@code parent ended cancelled: True cancelling 1}, {@code cancel finished -> False}.
 */
class TaskGroupOutsideCancelTest {

    @Async
    static Coroutine<Void> failing() {
        Weft.await(Weft.sleep(10));
        throw new IllegalArgumentException("child failed");
    }

    @Async
    static Coroutine<Void> sleeper(List<String> log) {
        try {
            Weft.await(Weft.sleep(1000));
        } catch (CancelledError e) {
            log.add("sleeper cancelled");
            throw e;
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> body(TaskGroup g, List<String> log) {
        g.createTask(failing());
        g.createTask(sleeper(log));
        return Weft.done();
    }

    @Async
    static Coroutine<String> parent(List<String> log) {
        try {
            Weft.await(TaskGroup.run(g -> body(g, log)));
        } catch (ExceptionGroup eg) {
            log.add("caught " + eg.getExceptions().get(0).getMessage() + " cancelling "
                    + Weft.currentTask().get().cancelling());
        }
        try {
            Weft.await(Weft.sleep(100));
            log.add("second await returned");
        } catch (CancelledError e) {
            log.add("second await raised CancelledError");
            throw e;
        }
        return Weft.done("normal end");
    }

    @Async
    static Coroutine<String> main(List<String> log) {
        Task<String> t = Weft.createTask(parent(log));
        Weft.await(Weft.sleep(10)); // the child fails in this iteration, then we cancel its parent
        log.add("outside cancel -> " + t.cancel());
        try {
            log.add("result " + Weft.await(t));
        } catch (CancelledError e) {
            log.add("parent ended cancelled: " + t.cancelled() + " cancelling " + t.cancelling());
        }
        log.add("cancel finished -> " + t.cancel());
        return Weft.done("done");
    }

    @Test
    void outsideCancel_duringAFailingGroup_isDeliveredAtTheNextAwait_andTheTaskEndsCancelled() {
        List<String> log = new ArrayList<>();
        VirtualLoop vl = new VirtualLoop();
        assertEquals("done", vl.runWithoutReports(() -> main(log)));
        assertEquals(List.of("outside cancel -> true", "sleeper cancelled", "caught child failed cancelling 1",
                "second await raised CancelledError", "parent ended cancelled: true cancelling 1",
                "cancel finished -> false"), log);
    }

    @Async
    static Coroutine<String> groupAlone(List<String> log) {
        try {
            Weft.await(TaskGroup.run(g -> body(g, log)));
        } catch (ExceptionGroup eg) {
            log.add("caught, cancelling " + Weft.currentTask().get().cancelling());
        }
        Weft.await(Weft.sleep(100)); // no outside cancel: this await must not raise
        return Weft.done("normal end");
    }

    @Test
    void failingGroup_withoutAnOutsideCancel_leavesTheTaskRunningNormally() {
        List<String> log = new ArrayList<>();
        assertEquals("normal end", new VirtualLoop().runWithoutReports(() -> groupAlone(log)));
        assertEquals(List.of("sleeper cancelled", "caught, cancelling 0"), log);
    }
}
