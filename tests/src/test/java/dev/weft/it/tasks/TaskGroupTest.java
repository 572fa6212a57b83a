package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** TaskGroup: waiting for children, failures, cancellation from inside and outside, on virtual time. */
class TaskGroupTest {

    @Async
    static Coroutine<String> child(long millis, String name, List<String> log) {
        try {
            Weft.await(Weft.sleep(millis));
        } catch (CancelledError e) {
            log.add(name + " cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
        log.add(name + " done at " + VirtualLoop.nowMillis(Weft.loop()));
        return Weft.done(name);
    }

    @Async
    static Coroutine<String> failing(long millis, String message, List<String> log) {
        try {
            Weft.await(Weft.sleep(millis));
        } catch (CancelledError e) {
            log.add(message + " cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
        log.add(message + " fails at " + VirtualLoop.nowMillis(Weft.loop()));
        throw new IllegalStateException(message);
    }

    @Async
    static Coroutine<String> spawnThree(TaskGroup group, List<String> log, List<Task<String>> out) {
        out.add(group.createTask(child(30, "a", log)));
        out.add(group.createTask(child(10, "b", log)));
        out.add(group.createTask(child(20, "c", log)));
        return Weft.done("body value");
    }

    @Async
    static Coroutine<String> allSucceed(List<String> log) {
        List<Task<String>> tasks = new ArrayList<>();
        String v = Weft.await(TaskGroup.run(g -> spawnThree(g, log, tasks)));
        return Weft.done(v + " at " + VirtualLoop.nowMillis(Weft.loop()) + ": "
                + tasks.get(0).result() + tasks.get(1).result() + tasks.get(2).result());
    }

    @Test
    void run_childrenSucceed_waitsForAllAndReturnsTheBodysValue() {
        List<String> log = new ArrayList<>();
        assertEquals("body value at 30: abc", new VirtualLoop().run(() -> allSucceed(log)));
        assertEquals(List.of("b done at 10", "c done at 20", "a done at 30"), log);
    }

    @Async
    static Coroutine<String> bodyThatWaits(TaskGroup group, List<String> log) {
        group.createTask(child(100, "first", log));
        group.createTask(failing(10, "second", log));
        group.createTask(failing(20, "third", log));
        try {
            Weft.await(Weft.sleep(1000));
        } catch (CancelledError e) {
            log.add("body cancelled at " + VirtualLoop.nowMillis(Weft.loop()));
            throw e;
        }
        return Weft.done("body finished");
    }

    @Async
    static Coroutine<String> secondFails(List<String> log) {
        try {
            Weft.await(TaskGroup.run(g -> bodyThatWaits(g, log)));
            return Weft.done("no error");
        } catch (ExceptionGroup e) {
            List<String> messages = new ArrayList<>();
            for (Throwable t : e.getExceptions()) {
                messages.add(t.getMessage());
            }
            return Weft.done(e.getMessage() + " " + messages + " cancelling="
                    + Weft.currentTask().orElseThrow().cancelling());
        }
    }

    @Test
    void run_secondChildFailsAt10ThirdAt20_cancelsFirstAndThirdAndReportsOnlyTheSecond() {
        List<String> log = new ArrayList<>();
        VirtualLoop vl = new VirtualLoop();
        assertEquals("unhandled errors in a TaskGroup (1 sub-exception) [second] cancelling=0",
                vl.run(() -> secondFails(log)));
        assertEquals(List.of("second fails at 10", "first cancelled at 10", "third cancelled at 10",
                "body cancelled at 10"), log);
        assertEquals(List.of(), vl.reports, "no child error may be reported as unretrieved");
    }

    @Async
    static Coroutine<String> bodyFails(TaskGroup group, List<String> log) {
        group.createTask(child(50, "x", log));
        Weft.await(Weft.sleep(5));
        throw new IllegalArgumentException("body broke");
    }

    @Async
    static Coroutine<String> bodyFailure(List<String> log) {
        try {
            Weft.await(TaskGroup.run(g -> bodyFails(g, log)));
            return Weft.done("no error");
        } catch (ExceptionGroup e) {
            return Weft.done(e.getExceptions().size() + " " + e.getExceptions().get(0).getMessage());
        }
    }

    @Test
    void run_bodyFails_cancelsTheChildrenAndThrowsTheBodysErrorInTheGroup() {
        List<String> log = new ArrayList<>();
        assertEquals("1 body broke", new VirtualLoop().run(() -> bodyFailure(log)));
        assertEquals(List.of("x cancelled at 5"), log);
    }

    @Async
    static Coroutine<String> groupUnderOutsideCancel(List<String> log) {
        return Weft.done(Weft.await(TaskGroup.run(g -> {
            g.createTask(child(100, "p", log));
            g.createTask(child(200, "q", log));
            return child(300, "body", log);
        })));
    }

    @Async
    static Coroutine<String> cancelParent(List<String> log) {
        Task<String> t = Weft.createTask(groupUnderOutsideCancel(log));
        Weft.await(Weft.sleep(10));
        t.cancel();
        try {
            Weft.await(t);
        } catch (CancelledError e) {
            return Weft.done("parent cancelled");
        }
        return Weft.done("parent finished");
    }

    @Test
    void run_parentCancelledFromOutside_cancelsAllChildrenAndPropagatesCancelledError() {
        List<String> log = new ArrayList<>();
        assertEquals("parent cancelled", new VirtualLoop().run(() -> cancelParent(log)));
        assertEquals(List.of("body cancelled at 10", "p cancelled at 10", "q cancelled at 10"), log);
    }

    @Async
    static Coroutine<String> keepGroup(TaskGroup group, TaskGroup[] out) {
        out[0] = group;
        return Weft.done("kept");
    }

    @Async
    static Coroutine<String> createAfterEnd() {
        TaskGroup[] group = new TaskGroup[1];
        Weft.await(TaskGroup.run(g -> keepGroup(g, group)));
        try {
            group[0].createTask(Weft.sleep(1));
        } catch (IllegalStateException e) {
            return Weft.done(e.getMessage());
        }
        return Weft.done("created");
    }

    @Test
    void createTask_afterTheGroupEnded_isRefused() {
        String message = new VirtualLoop().run(TaskGroupTest::createAfterEnd);
        assertTrue(message.startsWith("this TaskGroup has finished"), message);
    }

    @Async
    static Coroutine<String> failingChildWhileBodyDone(List<String> log) {
        try {
            Weft.await(TaskGroup.run(g -> {
                g.createTask(failing(10, "late", log));
                g.createTask(child(40, "sibling", log));
                return Weft.sleep(0);
            }));
        } catch (ExceptionGroup e) {
            return Weft.done("group failed at " + VirtualLoop.nowMillis(Weft.loop()) + " with "
                    + e.getExceptions().get(0).getMessage());
        }
        return Weft.done("no error");
    }

    @Test
    void run_childFailsWhileTheGroupWaits_cancelsTheSiblingAndRaises() {
        List<String> log = new ArrayList<>();
        assertEquals("group failed at 10 with late", new VirtualLoop().run(() -> failingChildWhileBodyDone(log)));
        assertEquals(List.of("late fails at 10", "sibling cancelled at 10"), log);
    }
}
