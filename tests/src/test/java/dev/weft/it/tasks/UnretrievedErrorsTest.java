package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Future;
import dev.weft.InvalidStateError;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The rule for exceptions nobody retrieved (issue 12, point 5): reported only if the failed task
 * becomes unreachable unread, or is still unread when the loop closes; reading it at any time
 * before (await, {@code result()}, {@code exception()}) silences it. The Python 3.13 twin: a
 * task awaited 50 ms after it failed and one read with {@code exception()} are silent; a task
 * with only a done callback and a task nobody holds are reported ("Task exception was never
 * retrieved", with the task as the context's {@code future}).
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
    static Coroutine<String> awaitedMuchLater() {
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(Weft.createTask(fails("late " + i)));
        }
        Weft.await(Weft.sleep(50)); // many iterations after they failed
        int caught = 0;
        for (Task<String> t : tasks) {
            try {
                Weft.await(t);
            } catch (IllegalStateException e) {
                caught++;
            }
        }
        return Weft.done("caught " + caught);
    }

    @Test
    void failedTasks_createdNowAwaitedInALaterIteration_areNotReported() {
        VirtualLoop vl = new VirtualLoop();
        assertEquals("caught 100", vl.run(UnretrievedErrorsTest::awaitedMuchLater));
        assertEquals(List.of(), vl.reports);
    }

    @Async
    static Coroutine<String> readByResultOrException() {
        Task<String> viaResult = Weft.createTask(fails("result"));
        Task<String> viaException = Weft.createTask(fails("exception"));
        assertThrows(InvalidStateError.class, viaException::exception); // pending: reads nothing
        Weft.await(Weft.sleep(20));
        assertThrows(IllegalStateException.class, viaResult::result);
        return Weft.done(viaException.exception().getMessage());
    }

    @Test
    void failedTask_readLaterWithResultOrException_isNotReported() {
        VirtualLoop vl = new VirtualLoop();
        assertEquals("exception", vl.run(UnretrievedErrorsTest::readByResultOrException));
        assertEquals(List.of(), vl.reports);
    }

    @Async
    static Coroutine<String> callbackOnlyAndCancelled(List<Task<String>> keep) {
        Task<String> withCallback = Weft.createTask(fails("has a callback"), "cb");
        withCallback.addDoneCallback(f -> { });
        keep.add(withCallback);
        Task<String> cancelled = Weft.createTask(fails("never runs"));
        cancelled.cancel();
        Weft.await(Weft.sleep(10));
        return Weft.done("done");
    }

    @Test
    void failedTask_withOnlyADoneCallback_isReportedAtClose_withTheTask_aCancelledOneIsNot() {
        VirtualLoop vl = new VirtualLoop();
        List<ExceptionContext> contexts = new ArrayList<>();
        vl.loop.setExceptionHandler((Consumer<ExceptionContext>) contexts::add);
        List<Task<String>> keep = new ArrayList<>();
        assertEquals("done", vl.run(() -> callbackOnlyAndCancelled(keep)));
        assertEquals(1, contexts.size(), contexts::toString);
        ExceptionContext ctx = contexts.get(0);
        assertSame(keep.get(0), ctx.task().orElseThrow(), "the report names the task");
        assertSame(keep.get(0), ctx.future().orElseThrow());
        assertEquals("has a callback", ctx.exception().getMessage());
        assertTrue(ctx.message().startsWith("Task exception was never retrieved: <Task finished name='cb'"), ctx.message());
        keep.get(0).exception(); // read after the report: nothing more
        assertEquals(1, contexts.size());
    }

    @Async
    static Coroutine<String> dropsAFailedTaskThenWaits(Future<ExceptionContext> reported) {
        Weft.createTask(fails("dropped"), "dropped");
        Weft.await(Weft.sleep(10)); // it has failed; nobody holds it any more
        ExceptionContext ctx = Weft.await(reported);
        return Weft.done(ctx.message().substring(0, ctx.message().indexOf(" coro=")) + " | "
                + ctx.exception().getMessage() + " | on loop thread " + (Thread.currentThread() == loopThread));
    }

    private static volatile Thread loopThread;

    @Test
    void failedTask_collectedUnread_isReportedOnTheLoopWhileItRuns_andNotAgainAtClose() throws Exception {
        EventLoop loop = EventLoop.create(Clock.virtual());
        loopThread = Thread.currentThread();
        Future<ExceptionContext> reported = loop.createFuture();
        List<ExceptionContext> all = new ArrayList<>();
        loop.setExceptionHandler((Consumer<ExceptionContext>) ctx -> {
            all.add(ctx);
            if (!reported.done()) {
                reported.setResult(ctx);
            }
        });
        Thread collector = new Thread(() -> {
            // Bounded: gives up after 30 s, so a regression fails the test instead of hanging it.
            for (int i = 0; i < 3000 && !reported.done(); i++) {
                System.gc();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!reported.done()) {
                loop.callSoonThreadsafe(() -> reported.cancel("the collected task was never reported"));
            }
        }, "gc-prodder");
        collector.setDaemon(true);
        collector.start();
        try {
            assertEquals("Task exception was never retrieved: <Task finished name='dropped' | dropped | on loop thread true",
                    loop.runUntilComplete(dropsAFailedTaskThenWaits(reported)));
        } finally {
            loop.close();
            collector.interrupt();
        }
        assertEquals(1, all.size(), all::toString);
        assertTrue(all.get(0).task().isEmpty(), "a collected task cannot be handed to the handler");
    }
}
