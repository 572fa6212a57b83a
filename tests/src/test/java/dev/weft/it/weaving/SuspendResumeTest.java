package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.testing.StepLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Woven coroutines really suspend on pending futures and resume with their values. */
class SuspendResumeTest {

    @Async
    static Coroutine<String> awaitLater(EventLoop loop, StepLog log) {
        Future<String> f = loop.createFuture();
        loop.callLater(50, () -> {
            log.expect(3);
            f.setResult("value");
        });
        loop.callSoon(() -> log.expect(2));
        log.expect(1);
        String v = Weft.await(f);
        log.expect(4);
        return Weft.done(v);
    }

    @Test
    void await_futureCompletedLaterByCallLater_suspendsAndResumesWithValue() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        StepLog log = new StepLog();
        try {
            assertEquals("value", loop.runUntilComplete(awaitLater(loop, log)));
            log.finish(5);
            assertEquals(0.05, loop.time(), 1e-9);
        } finally {
            loop.close();
        }
    }

    @Test
    void await_futureCompletedOnRealClock_otherCallbacksRunMeanwhile() {
        EventLoop loop = EventLoop.create();
        StepLog log = new StepLog();
        try {
            long before = loop.nanoTime();
            assertEquals("value", loop.runUntilComplete(awaitLater(loop, log)));
            log.finish(5);
            assertEquals(true, loop.nanoTime() - before >= 50_000_000L);
        } finally {
            loop.close();
        }
    }

    @Async
    static Coroutine<Integer> failAfter(EventLoop loop, IOException error) {
        Weft.await(Weft.sleep(10));
        throw sneaky(error);
    }

    @Async
    static Coroutine<String> catchIt(EventLoop loop, IOException error, List<Throwable> seen) {
        try {
            Weft.await(failAfter(loop, error));
            return Weft.done("no exception");
        } catch (Exception e) { // javac cannot see that await throws the coroutine's IOException
            seen.add(e);
            return Weft.done(e instanceof IOException ? "caught" : "wrong type");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void await_checkedExceptionAfterSuspension_reachesCallerUnchanged() {
        IOException error = new IOException("boom");
        List<Throwable> seen = new ArrayList<>();
        assertEquals("caught", Weft.run(catchIt(null, error, seen)));
        assertSame(error, seen.get(0));
    }

    @Test
    void run_coroutineThrows_rethrowsOriginalException() {
        IOException error = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> Weft.run(failAfter(null, error)));
        assertSame(error, thrown);
    }

    @Async
    static Coroutine<String> fromStage(CompletableFuture<String> stage) {
        String v = Weft.await(stage);
        return Weft.done(v + "!");
    }

    @Test
    void await_completionStageCompletedByAnotherThread_resumesOnLoopThread() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            sleepQuietly(20);
            stage.complete("stage");
        });
        t.start();
        assertEquals("stage!", Weft.run(fromStage(stage)));
    }

    @Test
    void await_completedStage_returnsAtOnce() {
        assertEquals("x!", Weft.run(fromStage(CompletableFuture.completedFuture("x"))));
    }

    @Test
    void await_failedStage_rethrowsCauseUnwrapped() {
        IllegalArgumentException error = new IllegalArgumentException("bad");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Weft.run(fromStage(CompletableFuture.failedFuture(error))));
        assertSame(error, thrown);
    }

    @Async
    static Coroutine<String> awaitTwice(Coroutine<String> c) {
        Weft.await(c);
        return Weft.done(Weft.await(c));
    }

    @Test
    void await_sameCoroutineTwice_failsWithIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Weft.run(awaitTwice(fromStage(CompletableFuture.completedFuture("x")))));
        assertEquals(true, e.getMessage().contains("already awaited"), e.getMessage());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
