package dev.weft.it.eager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} methods returning {@code CompletableFuture} called where no event loop runs, as
 * ea-async runs them: the body starts on the calling thread and continues on whichever thread
 * completes what it awaits. Every wait here is bounded.
 */
class EagerOffLoopTest {
    private static final long LIMIT_SECONDS = 20;
    private final ExecutorService completer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "completer");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        completer.shutdownNow();
    }

    private static <T> T within(CompletableFuture<T> cf) throws Exception {
        return cf.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Async
    static CompletableFuture<String> threadsOf(CompletableFuture<String> input, List<String> threads) {
        threads.add(Thread.currentThread().getName());
        String v = Weft.await(input);
        threads.add(Thread.currentThread().getName());
        return CompletableFuture.completedFuture(v.toUpperCase());
    }

    @Test
    void joinedFromPlainThread_continuesOnTheCompletingThread() throws Exception {
        CompletableFuture<String> input = new CompletableFuture<>();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> cf = threadsOf(input, threads);
        assertFalse(cf.isDone());
        completer.submit(() -> input.complete("v"));
        assertEquals("V", within(cf));
        assertEquals(List.of(Thread.currentThread().getName(), "completer"), threads);
        assertEquals("V", cf.join());
    }

    @Async
    static CompletableFuture<Integer> doubled(int x) {
        return CompletableFuture.completedFuture(x * 2);
    }

    @Test
    void nonSuspendingBody_returnsCompletedFuture() {
        CompletableFuture<Integer> cf = doubled(21);
        assertTrue(cf.isDone());
        assertEquals(42, cf.join());
    }

    @Async
    static CompletableFuture<Integer> plusLater(int x, CompletableFuture<Integer> later) {
        return CompletableFuture.completedFuture(x + Weft.await(later));
    }

    /** Code that knows nothing of weft: plain CompletableFuture composition. */
    static CompletableFuture<Integer> plainPipeline(ExecutorService pool, CompletableFuture<Integer> later) {
        return CompletableFuture.supplyAsync(() -> 1, pool)
                .thenCompose(x -> plusLater(x, later))
                .thenCompose(EagerOffLoopTest::doubled)
                .thenApply(x -> x + 1);
    }

    @Test
    void chainedWithThenCompose_byCodeThatKnowsNothingOfWeft() throws Exception {
        CompletableFuture<Integer> later = new CompletableFuture<>();
        CompletableFuture<Integer> result = plainPipeline(completer, later);
        completer.submit(() -> later.complete(10));
        assertEquals((1 + 10) * 2 + 1, within(result));
    }

    @Async
    static CompletableFuture<String> failsAfter(CompletableFuture<String> input, Exception error) throws Exception {
        Weft.await(input);
        throw error;
    }

    @Async
    static CompletableFuture<String> catches(CompletableFuture<String> input, Exception error) {
        try {
            return CompletableFuture.completedFuture(Weft.await(failsAfter(input, error)));
        } catch (Exception e) { // javac cannot know that await rethrows a checked exception
            assertSame(error, e, "the very exception, unwrapped, at the await");
            return CompletableFuture.completedFuture("caught " + e.getMessage());
        }
    }

    @Test
    void checkedException_unwrappedAtAwait_completionExceptionAtJoin() throws Exception {
        IOException error = new IOException("boom");
        CompletableFuture<String> input = new CompletableFuture<>();
        CompletableFuture<String> failing = failsAfter(input, error);
        CompletableFuture<String> catching = catches(input, error);
        completer.submit(() -> input.complete("go"));
        assertEquals("caught boom", within(catching));
        CompletionException joined = assertThrows(CompletionException.class, failing::join);
        assertSame(error, joined.getCause());
        ExecutionException got = assertThrows(ExecutionException.class, failing::get);
        assertSame(error, got.getCause());
    }

    @Async
    static CompletableFuture<String> waitsForever(CompletableFuture<String> never, List<String> log) {
        try {
            return CompletableFuture.completedFuture(Weft.await(never));
        } catch (CancelledError e) {
            log.add("cancelled at the await on " + Thread.currentThread().getName());
            throw e;
        } finally {
            log.add("finally");
        }
    }

    @Test
    void cancelReturnedFuture_cancelsBodyAtItsAwait_finallyRuns() {
        CompletableFuture<String> never = new CompletableFuture<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> cf = waitsForever(never, log);
        assertTrue(cf.cancel(true));
        assertTrue(cf.isCancelled());
        assertEquals(List.of("cancelled at the await on " + Thread.currentThread().getName(), "finally"), log);
        Cancellations.joinCancelled(cf);
        assertFalse(never.isDone(), "the awaited future belongs to someone else: not cancelled");
        assertTrue(cf.cancel(true), "true for a cancelled future, as CompletableFuture answers");
        assertEquals(2, log.size(), "a second cancel does not reach the finished body");
    }

    @Async
    static CompletableFuture<String> cancelledWhileRunning(CompletableFuture<String> first,
            AtomicReference<CompletableFuture<String>> self, List<String> log) {
        Weft.await(first);
        self.get().cancel(false); // the body is running: the cancellation waits for its next await
        log.add("still running");
        try {
            Weft.await(new CompletableFuture<String>());
            log.add("not cancelled");
        } catch (CancelledError e) {
            log.add("cancelled at the next await");
        }
        Weft.await(CompletableFuture.supplyAsync(() -> "x"));
        log.add("a later await is not cancelled again");
        return CompletableFuture.completedFuture("done");
    }

    @Test
    void cancelWhileBodyRuns_deliveredOnceAtItsNextSuspension() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        AtomicReference<CompletableFuture<String>> self = new AtomicReference<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> cf = cancelledWhileRunning(first, self, log);
        self.set(cf);
        completer.submit(() -> first.complete("go")).get(LIMIT_SECONDS, TimeUnit.SECONDS);
        for (int i = 0; i < 2000 && log.size() < 3; i++) {
            Thread.sleep(5);
        }
        assertTrue(cf.isCancelled());
        assertEquals(List.of("still running", "cancelled at the next await",
                "a later await is not cancelled again"), log);
    }

    @Async
    static Coroutine<Integer> innerCoroutine(CompletableFuture<Integer> a, CompletableFuture<Integer> b) {
        int x = Weft.await(a);
        return Weft.done(x + Weft.await(b));
    }

    @Async
    static CompletableFuture<Integer> outer(CompletableFuture<Integer> a, CompletableFuture<Integer> b) {
        int sum = Weft.await(innerCoroutine(a, b));
        return CompletableFuture.completedFuture(sum * 10);
    }

    @Test
    void nestedCoroutineSuspends_resumedInnermostFirst() throws Exception {
        CompletableFuture<Integer> a = new CompletableFuture<>();
        CompletableFuture<Integer> b = new CompletableFuture<>();
        CompletableFuture<Integer> cf = outer(a, b);
        completer.submit(() -> a.complete(1));
        completer.submit(() -> b.complete(2));
        assertEquals(30, within(cf));
    }

    @Async
    static CompletableFuture<Integer> awaitsLoopThing() {
        Weft.await(Weft.sleep(1));
        return CompletableFuture.completedFuture(1);
    }

    @Test
    void awaitOfSleepWithoutLoop_failsTheFutureSayingWhy() {
        CompletableFuture<Integer> cf = awaitsLoopThing();
        CompletionException e = assertThrows(CompletionException.class, cf::join);
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().contains("EagerOffLoopTest.awaitsLoopThing(EagerOffLoopTest.java:"),
                cause.getMessage());
        assertTrue(cause.getMessage().contains("without an event loop"), cause.getMessage());
    }

    @Async
    static CompletableFuture<Integer> sum(List<CompletableFuture<Integer>> parts) {
        int total = 0;
        for (CompletableFuture<Integer> p : parts) {
            total += Weft.await(p);
        }
        return CompletableFuture.completedFuture(total);
    }

    @Test
    void stagesCompletingWhileTheBodySuspends_neverRunItTwice() throws Exception {
        for (int round = 0; round < 300; round++) {
            List<CompletableFuture<Integer>> parts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                parts.add(new CompletableFuture<>());
            }
            completer.submit(() -> parts.forEach(p -> p.complete(1)));
            assertEquals(10, within(sum(parts)), "round " + round);
        }
    }

    @Async
    static CompletableFuture<String> resumedThenSleeps(CompletableFuture<String> input, List<Object> seen) {
        Weft.await(input);
        seen.add(Thread.currentThread().getName());
        seen.add(Weft.currentTask().isPresent());
        Weft.await(Weft.sleep(1)); // must not suspend the task that resumed this body
        return CompletableFuture.completedFuture("slept");
    }

    @Async
    static Coroutine<String> completeFromTask(CompletableFuture<String> input) {
        input.complete("v"); // resumes the off-loop body right here, inside this task's step
        Weft.await(Weft.sleep(2));
        return Weft.done("the task went on");
    }

    @Test
    void resumedByATaskOnALoop_runsOutsideThatTask() {
        CompletableFuture<String> input = new CompletableFuture<>();
        List<Object> seen = new ArrayList<>();
        CompletableFuture<String> cf = resumedThenSleeps(input, seen);
        assertEquals("the task went on", Weft.run(completeFromTask(input)));
        assertEquals(List.of(Thread.currentThread().getName(), false), seen);
        CompletionException e = assertThrows(CompletionException.class, cf::join);
        assertTrue(e.getCause().getMessage().contains("without an event loop"), e.getCause().getMessage());
    }
}
