package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tasks: many concurrent sleepers, cancellation before the start and while suspended. */
class TasksTest {

    @Async
    static Coroutine<Void> sleeper(long millis, long[] deadlines, int id, List<Integer> finished) {
        // sleep(0) is a yield (asyncio's rule), not a timer: mark it so the order check skips it.
        deadlines[id] = millis == 0 ? -1 : Weft.loop().nanoTime() + millis * 1_000_000L;
        Weft.await(Weft.sleep(millis));
        if (deadlines[id] > Weft.loop().nanoTime()) {
            throw new AssertionError("task " + id + " woke before its deadline");
        }
        finished.add(id);
        return Weft.done();
    }

    @Async
    static Coroutine<Integer> spawnAll(int n, long seed, int maxMillis, long[] deadlines, List<Integer> finished) {
        Random random = new Random(seed);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Weft.createTask(sleeper(random.nextInt(maxMillis + 1), deadlines, i, finished)));
        }
        for (Task<Void> t : tasks) {
            Weft.await(t);
        }
        return Weft.done(tasks.size());
    }

    /**
     * Timer wake-ups come in deadline order. The test reads the clock just before the sleep
     * reads it again; on a real clock a GC pause or class loading may fall between the two
     * reads, so there deadlines closer than {@code slackNanos} may legitimately swap. On the
     * virtual clock both reads agree and the order is checked exactly.
     */
    private static void assertDeadlineOrder(long[] deadlines, List<Integer> finished, long slackNanos) {
        long latest = Long.MIN_VALUE;
        int latestId = -1;
        for (int id : finished) {
            if (deadlines[id] < 0) {
                continue;
            }
            long d = deadlines[id];
            int lid = latestId;
            long l = latest;
            assertTrue(d + slackNanos >= latest, () -> "task " + id + " (deadline " + d
                    + ") finished after task " + lid + " (deadline " + l + ")");
            if (d > latest) {
                latest = d;
                latestId = id;
            }
        }
    }

    @Test
    void tenThousandSleepers_onRealClock_allFinishInDeadlineOrder() {
        int n = 10_000;
        long[] deadlines = new long[n];
        List<Integer> finished = new ArrayList<>();
        // Sleeps spread over a second, checked with a 200 ms slack: the loop thread may be
        // descheduled between the test's clock read and the sleep's own on a loaded machine (CI
        // shares two cores), and a test must not depend on wall-clock speed. The exact order is
        // asserted on the virtual clock below; here the real timer path is checked end to end.
        assertEquals(n, Weft.run(spawnAll(n, 42, 1000, deadlines, finished)));
        assertEquals(n, finished.size());
        assertDeadlineOrder(deadlines, finished, 200_000_000);
    }

    @Test
    void tenThousandSleepers_onVirtualClock_allFinishInDeadlineOrder() {
        int n = 10_000;
        long[] deadlines = new long[n];
        List<Integer> finished = new ArrayList<>();
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            assertEquals(n, loop.runUntilComplete(spawnAll(n, 7, 100, deadlines, finished)));
        } finally {
            loop.close();
        }
        assertEquals(n, finished.size());
        assertDeadlineOrder(deadlines, finished, 0);
    }

    @Async
    static Coroutine<String> body(List<String> log) {
        log.add("body ran");
        return Weft.done("result");
    }

    @Async
    static Coroutine<String> cancelBeforeStart(List<String> log) {
        Task<String> task = Weft.createTask(body(log));
        task.cancel();
        try {
            return Weft.done(Weft.await(task));
        } catch (CancelledError e) {
            log.add("caught");
            return Weft.done(task.cancelled() ? "cancelled" : "not cancelled");
        }
    }

    @Test
    void cancel_beforeFirstStep_bodyNeverRuns() {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", Weft.run(cancelBeforeStart(log)));
        assertEquals(List.of("caught"), log);
    }

    @Async
    static Coroutine<String> sleepsLong(List<String> log) {
        try {
            Weft.await(Weft.sleep(10_000));
        } catch (CancelledError e) {
            log.add("cancelled in sleep: " + e.getMessage());
            throw e;
        } finally {
            log.add("cleanup");
        }
        return Weft.done("finished");
    }

    @Async
    static Coroutine<String> cancelWhileSleeping(List<String> log) {
        Task<String> task = Weft.createTask(sleepsLong(log));
        Weft.await(Weft.sleep(0));
        Weft.loop().callSoon(() -> task.cancel("stop"));
        try {
            Weft.await(task);
            return Weft.done("no");
        } catch (CancelledError e) {
            return Weft.done("main saw cancel");
        }
    }

    @Test
    void cancel_whileSleeping_deliversCancelledErrorAtTheAwait() {
        List<String> log = new ArrayList<>();
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            assertEquals("main saw cancel", loop.runUntilComplete(cancelWhileSleeping(log)));
            assertTrue(loop.time() < 1.0, "the sleep was cut short");
        } finally {
            loop.close();
        }
        assertEquals(List.of("cancelled in sleep: stop", "cleanup"), log);
    }

    @Async
    static Coroutine<Void> forever() {
        for (;;) {
            Weft.await(Weft.sleep(1000));
        }
    }

    @Async
    static Coroutine<String> leavesATaskRunning(List<Task<Void>> out) {
        out.add(Weft.createTask(forever()));
        Weft.await(Weft.sleep(0));
        return Weft.done("main done");
    }

    @Test
    void run_leftoverTasks_areCancelledBeforeTheLoopCloses() {
        List<Task<Void>> out = new ArrayList<>();
        assertEquals("main done", Weft.run(leavesATaskRunning(out)));
        assertTrue(out.get(0).cancelled());
    }

    @Test
    void task_setResult_isRefused() {
        EventLoop loop = EventLoop.create();
        try {
            Task<String> t = loop.createTask(body(new ArrayList<>()));
            assertThrows(RuntimeException.class, () -> t.setResult("x"));
            assertFalse(t.done());
            assertEquals("result", loop.runUntilComplete(t));
        } finally {
            loop.close();
        }
    }

    @Async
    static Coroutine<String> sleepCatchSleepAgain(EventLoop loop, List<String> log) {
        try {
            Weft.await(Weft.sleep(10));
            log.add("slept");
        } catch (CancelledError e) {
            log.add("cancelled at " + Math.round(loop.time() * 1000) + " ms");
        }
        Weft.await(Weft.sleep(5));
        log.add("second sleep ended at " + Math.round(loop.time() * 1000) + " ms");
        return Weft.done("ok");
    }

    @Test
    void cancel_afterTimerFiredButBeforeStep_wakesTheTaskOnce() {
        List<String> log = new ArrayList<>();
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            Task<?>[] task = new Task<?>[1];
            // Scheduled before the task's sleep with the same deadline: runs first in the batch
            // that also holds the task's wake-up, and cancels the task there.
            loop.callLater(10, () -> task[0].cancel());
            task[0] = loop.createTask(sleepCatchSleepAgain(loop, log));
            assertEquals("ok", loop.runUntilComplete(task[0]));
        } finally {
            loop.close();
        }
        assertEquals(List.of("cancelled at 10 ms", "second sleep ended at 15 ms"), log);
    }
}
