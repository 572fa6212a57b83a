package dev.weft.it.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncGenerator;
import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.ExceptionContext;
import dev.weft.GeneratorState;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Async generators are finalised (issue 12, point 3). The Python 3.13 twin prints, in order:
 * {@code quick finally}, {@code after aclosing block}, {@code closing finally start},
 * {@code closing finally end}, {@code after aclosing block with awaiting finally},
 * {@code first 0}, {@code quick finally} (exhausted), {@code exhausted; aclose again: None},
 * {@code main returns}, {@code left open finally start}, {@code left open finally end},
 * {@code after run}; a second twin: {@code aclose(): asynchronous generator is already running},
 * and a cleanup failing at shutdown goes to the handler as "an error occurred during closing of
 * asynchronous generator" with the generator.
 */
class AsyncGeneratorFinalisationTest {

    @Async
    static AsyncGenerator<Integer> ticker(String name, List<String> log) {
        try {
            for (int i = 0; i < 100; i++) {
                Weft.await(Weft.sleep(10));
                Weft.yield(i);
            }
        } finally {
            log.add(name + " finally start");
            Weft.await(Weft.sleep(10));
            log.add(name + " finally end");
        }
        return AsyncGenerator.end();
    }

    @Async
    static AsyncGenerator<Integer> quickCleanup(List<String> log) {
        try {
            Weft.yield(1);
            Weft.yield(2);
        } finally {
            log.add("quick finally");
        }
        return AsyncGenerator.end();
    }

    @Async
    static Coroutine<AsyncGenerator<Integer>> main(List<String> log) {
        try (AsyncGenerator<Integer> g = quickCleanup(log)) {
            while (Weft.await(g.hasNext())) {
                g.next();
                break;
            }
        }
        log.add("after aclosing block");
        AsyncGenerator<Integer> closing = ticker("closing", log);
        try {
            while (Weft.await(closing.hasNext())) {
                if (closing.next() == 1) {
                    break;
                }
            }
        } finally {
            Weft.await(closing.aclose());
        }
        log.add("after aclosing block with awaiting finally");
        AsyncGenerator<Integer> leftOpen = ticker("left open", log);
        Weft.await(leftOpen.hasNext());
        log.add("first " + leftOpen.next());
        AsyncGenerator<Integer> done = quickCleanup(log);
        while (Weft.await(done.hasNext())) {
            done.next();
        }
        Weft.await(done.aclose());
        done.close();
        log.add("exhausted; aclose again: " + done.state());
        ticker("never started", log);
        log.add("main returns");
        return Weft.done(leftOpen);
    }

    @Test
    void run_closesTheGeneratorsLeftOpen_andTryWithResourcesClosesBeforeTheNextStatement() {
        List<String> log = new ArrayList<>();
        AsyncGenerator<Integer> leftOpen = Weft.run(main(log));
        log.add("after run");
        assertEquals(List.of("quick finally", "after aclosing block", "closing finally start", "closing finally end",
                "after aclosing block with awaiting finally", "first 0", "quick finally", "exhausted; aclose again: CLOSED",
                "main returns", "left open finally start", "left open finally end", "after run"), log);
        assertEquals(GeneratorState.CLOSED, leftOpen.state());
    }

    @Async
    static Coroutine<String> closeWithAnAwaitingFinally(List<String> log) {
        try (AsyncGenerator<Integer> g = ticker("awaiting", log)) {
            Weft.await(g.hasNext());
        }
        log.add("after block");
        Weft.await(Weft.sleep(20));
        return Weft.done("done");
    }

    @Test
    void close_ofAGeneratorWhoseFinallyAwaits_runsUpToTheAwait_thenFinishesAsATask() {
        List<String> log = new ArrayList<>();
        assertEquals("done", new VirtualLoop().runWithoutReports(() -> closeWithAnAwaitingFinally(log)));
        assertEquals(List.of("awaiting finally start", "after block", "awaiting finally end"), log);
    }

    @Async
    static AsyncGenerator<Integer> slow(List<String> log) {
        try {
            Weft.await(Weft.sleep(1000));
            Weft.yield(1);
        } finally {
            log.add("slow finally");
        }
        return AsyncGenerator.end();
    }

    @Async
    static Coroutine<Boolean> next(AsyncGenerator<Integer> g) {
        return Weft.done(Weft.await(g.hasNext()));
    }

    @Async
    static Coroutine<String> acloseWhileRunning(List<String> log) {
        AsyncGenerator<Integer> g = slow(log);
        Task<Boolean> consumer = Weft.createTask(next(g));
        Weft.await(Weft.sleep(0));
        try {
            Weft.await(g.aclose());
        } catch (IllegalStateException e) {
            log.add("aclose while running: " + e.getMessage().contains("already running"));
        }
        consumer.cancel();
        try {
            Weft.await(consumer);
        } catch (CancelledError e) {
            log.add("consumer cancelled");
        }
        return Weft.done(g.state().toString());
    }

    @Test
    void aclose_ofAGeneratorAnotherTaskIsRunning_isRefused_andTheGeneratorIsUntouched() {
        List<String> log = new ArrayList<>();
        assertEquals("CLOSED", new VirtualLoop().runWithoutReports(() -> acloseWhileRunning(log)));
        assertEquals(List.of("aclose while running: true", "slow finally", "consumer cancelled"), log);
    }

    @Async
    @SuppressWarnings("finally") // the finally that throws is the shape under test
    static AsyncGenerator<Integer> badCleanup() {
        try {
            Weft.yield(1);
        } finally {
            throw new IllegalArgumentException("cleanup failed");
        }
    }

    @Async
    static Coroutine<AsyncGenerator<Integer>> leavesABadGenerator(List<ExceptionContext> contexts) {
        Weft.loop().setExceptionHandler((Consumer<ExceptionContext>) contexts::add);
        AsyncGenerator<Integer> b = badCleanup();
        Weft.await(b.hasNext());
        return Weft.done(b);
    }

    @Test
    void shutdown_aCleanupThatFails_isReportedWithTheGenerator() {
        List<ExceptionContext> contexts = new ArrayList<>();
        AsyncGenerator<Integer> b = Weft.run(leavesABadGenerator(contexts));
        assertEquals(1, contexts.size(), contexts::toString);
        assertTrue(contexts.get(0).message().startsWith("an error occurred during closing of asynchronous generator"));
        assertEquals("cleanup failed", contexts.get(0).exception().getMessage());
        assertSame(b, contexts.get(0).source(AsyncGenerator.class).orElseThrow());
    }

    @Async
    static Coroutine<String> closeThrowsWhatTheCleanupThrew() {
        AsyncGenerator<Integer> b = badCleanup();
        Weft.await(b.hasNext());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::close);
        b.close(); // closed now: nothing more
        return Weft.done(e.getMessage() + " " + b.state());
    }

    @Test
    void close_aCleanupThatFailsWithoutAwaiting_throwsAtTheClose() {
        assertEquals("cleanup failed CLOSED", new VirtualLoop().runWithoutReports(
                AsyncGeneratorFinalisationTest::closeThrowsWhatTheCleanupThrew));
    }
}
