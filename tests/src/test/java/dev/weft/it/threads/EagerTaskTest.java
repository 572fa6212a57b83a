package dev.weft.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.TaskFactory;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.testing.StepLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code EventLoop.setTaskFactory(TaskFactory.EAGER)}, against CPython 3.13's
 * {@code eager_task_factory}:
 *
 * <pre>{@code
 * async def g(): print("g starts, current is g"); return 7
 * async def h(): print("h starts"); await asyncio.sleep(0); print("h resumes"); return 8
 * async def f():
 *     print("f starts")
 *     t = asyncio.create_task(g())      # g runs to its end here: t.done() is True
 *     print("after create g", t.done(), t.result())
 *     t2 = asyncio.create_task(h())     # h runs up to its sleep
 *     print("after create h", t2.done())
 *     await t2; print("f ends")
 * }</pre>
 * prints {@code f starts, g starts, after create g True 7, h starts, after create h False, h resumes, f ends}.
 */
class EagerTaskTest {

    @Async
    static Coroutine<Integer> g(StepLog log, List<Object> seen) {
        log.expect(2, "g runs inside createTask");
        seen.add(Weft.currentTask().orElseThrow());
        seen.add(Weft.allTasks().contains(Weft.currentTask().orElseThrow()));
        return Weft.done(7);
    }

    @Async
    static Coroutine<Integer> h(StepLog log) {
        log.expect(4, "h starts");
        Weft.await(Weft.sleep(0));
        log.expect(6, "h resumes");
        return Weft.done(8);
    }

    @Async
    static Coroutine<String> f(StepLog log, List<Object> seen) {
        Weft.loop().setTaskFactory(TaskFactory.EAGER);
        log.expect(1, "f starts");
        Task<Integer> tg = Weft.createTask(g(log, seen), "g");
        log.expect(3, "f goes on: g done=" + tg.done() + " result=" + tg.result());
        Task<Integer> th = Weft.createTask(h(log));
        log.expect(5, "f goes on: h done=" + th.done());
        int v = Weft.await(th);
        log.expect(7, "f ends");
        return Weft.done(tg.getName() + " " + (seen.get(0) == tg) + " " + seen.get(1) + " " + v);
    }

    @Test
    void createTask_eagerFactory_gRunsToItsEndInsideCreateTaskThenFGoesOn() {
        StepLog log = new StepLog();
        List<Object> seen = new java.util.ArrayList<>();

        assertEquals("g true true 8", new VirtualLoop().runWithoutReports(() -> f(log, seen)));

        log.finish(8);
        assertEquals("f goes on: g done=true result=7", log.names().get(2));
        assertEquals("f goes on: h done=false", log.names().get(4));
    }

    @Async
    static Coroutine<String> raises() {
        throw new IllegalArgumentException("at once");
    }

    @Async
    static Coroutine<String> eagerFailure() {
        Weft.loop().setTaskFactory(TaskFactory.EAGER);
        Task<String> t = Weft.createTask(raises());
        return Weft.done(t.done() + " " + t.exception().getMessage());
    }

    @Test
    void createTask_eagerCoroutineThrowsBeforeSuspending_aTaskAlreadyDoneWithThatException() {
        assertEquals("true at once", new VirtualLoop().runWithoutReports(EagerTaskTest::eagerFailure));
    }

    @Async
    static Coroutine<String> backToDefault(StepLog log, List<Object> seen) {
        EventLoop loop = Weft.loop();
        loop.setTaskFactory(TaskFactory.EAGER);
        loop.setTaskFactory(null);
        log.expect(1, "before");
        Task<Integer> t = Weft.createTask(g(log, seen));
        boolean doneAtCreation = t.done();
        Weft.await(t);
        return Weft.done(loop.getTaskFactory() + " " + doneAtCreation);
    }

    @Test
    void setTaskFactory_null_backToTheDefaultThatSchedulesForTheNextIteration() {
        assertEquals("TaskFactory.DEFAULT false",
                new VirtualLoop().runWithoutReports(() -> backToDefault(new StepLog(), new java.util.ArrayList<>())));
    }

    @Test
    void createTask_eagerFactoryOnALoopNotRunning_scheduledAsUsual() {
        VirtualLoop vl = new VirtualLoop();
        vl.loop.setTaskFactory(TaskFactory.EAGER);
        List<Object> seen = new java.util.ArrayList<>();
        StepLog log = new StepLog();
        log.expect(1, "before");

        Task<Integer> t = vl.loop.createTask(g(log, seen));

        assertEquals(false, t.done());
        assertEquals(7, vl.loop.runUntilComplete(t));
        assertSame(t, seen.get(0));
        assertTrue((Boolean) seen.get(1));
        vl.loop.close();
    }
}
