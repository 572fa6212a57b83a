package dev.weft.it.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.AsyncGenerator;
import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.GeneratorState;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Async generators: yield values while awaiting, consumed with await(hasNext()) and closed early. */
class AsyncGeneratorTest {

    @Async
    static AsyncGenerator<Integer> ticker(int count, long millis, List<String> log) {
        try {
            for (int i = 0; i < count; i++) {
                Weft.await(Weft.sleep(millis));
                log.add("tick " + i);
                Weft.yield(i);
            }
        } finally {
            log.add("ticker cleanup");
        }
        return AsyncGenerator.end();
    }

    @Async
    static Coroutine<List<Integer>> consumeAll(List<String> log) {
        List<Integer> got = new ArrayList<>();
        AsyncGenerator<Integer> gen = ticker(3, 100, log);
        while (Weft.await(gen.hasNext())) {
            got.add(gen.next());
            log.add("got " + got.get(got.size() - 1));
        }
        log.add("state " + gen.state());
        return Weft.done(got);
    }

    @Test
    void consume_allValues_interleavesAwaitsAndYields() {
        List<String> log = new ArrayList<>();
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            assertEquals(List.of(0, 1, 2), loop.runUntilComplete(consumeAll(log)));
            assertEquals(0.3, loop.time(), 1e-9);
        } finally {
            loop.close();
        }
        assertEquals(List.of("tick 0", "got 0", "tick 1", "got 1", "tick 2", "got 2",
                "ticker cleanup", "state CLOSED"), log);
    }

    @Async
    static Coroutine<String> breakEarly(List<String> log) {
        try (AsyncGenerator<Integer> gen = ticker(100, 10, log)) {
            while (Weft.await(gen.hasNext())) {
                if (gen.next() == 1) {
                    break;
                }
            }
        }
        log.add("after try");
        Weft.await(Weft.sleep(0));
        return Weft.done("done");
    }

    @Test
    void tryWithResources_leftEarly_closesTheGeneratorAndRunsFinally() {
        List<String> log = new ArrayList<>();
        assertEquals("done", Weft.run(breakEarly(log)));
        // The cleanup runs before the statement after the block, as with asyncio's aclosing
        // (this test used to expect it after: close() always deferred the cleanup to a task).
        assertEquals(List.of("tick 0", "tick 1", "ticker cleanup", "after try"), log);
    }

    @Async
    static AsyncGenerator<String> cleanupAwaits(List<String> log) {
        try {
            Weft.yield("a");
            Weft.yield("b");
        } finally {
            Weft.await(Weft.sleep(5));
            log.add("async cleanup done");
        }
        return AsyncGenerator.end();
    }

    @Async
    static Coroutine<GeneratorState> acloseWaits(List<String> log) {
        AsyncGenerator<String> gen = cleanupAwaits(log);
        Weft.await(gen.hasNext());
        log.add("first " + gen.next());
        Weft.await(gen.aclose());
        log.add("closed");
        return Weft.done(gen.state());
    }

    @Test
    void aclose_waitsForCleanupThatAwaits() {
        List<String> log = new ArrayList<>();
        assertEquals(GeneratorState.CLOSED, Weft.run(acloseWaits(log)));
        assertEquals(List.of("first a", "async cleanup done", "closed"), log);
    }

    @Async
    static Coroutine<String> nextWithoutHasNext() {
        AsyncGenerator<Integer> gen = ticker(1, 1, new ArrayList<>());
        try {
            gen.next();
            return Weft.done("no error");
        } catch (NoSuchElementException e) {
            return Weft.done("refused");
        }
    }

    @Test
    void next_beforeHasNext_isRefused() {
        assertEquals("refused", Weft.run(nextWithoutHasNext()));
    }

    @Async
    static AsyncGenerator<Integer> failsAfterOne() {
        Weft.yield(1);
        Weft.await(Weft.sleep(1));
        throw new IllegalStateException("generator failed");
    }

    @Async
    static Coroutine<Integer> consumeFailing() {
        AsyncGenerator<Integer> gen = failsAfterOne();
        int sum = 0;
        while (Weft.await(gen.hasNext())) {
            sum += gen.next();
        }
        return Weft.done(sum);
    }

    @Test
    void exceptionInGenerator_reachesTheConsumersAwait() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(consumeFailing()));
        assertEquals("generator failed", e.getMessage());
    }
}
