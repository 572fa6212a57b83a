package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.LoopAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The end-of-iteration flushes: when they run in an iteration, in what order, and on failure. */
class WriteFlushesTest {
    private final EventLoop loop = EventLoop.create();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    private void flushAtEnd(Runnable r) {
        LoopAccess.get().flushAtEndOfIteration(loop, r);
    }

    @Test
    void flush_scheduledInACallback_runsAfterTheWholeBatchBeforeWhatTheBatchScheduled() {
        loop.callSoon(() -> {
            log.add("a");
            flushAtEnd(() -> log.add("flush"));
            loop.callSoon(() -> log.add("next iteration"));
        });
        loop.callSoon(() -> log.add("b"));
        Future<Void> done = loop.createFuture();
        loop.callSoon(() -> loop.callSoon(() -> loop.callSoon(() -> done.setResult(null))));

        loop.runUntilComplete(done);

        assertEquals(List.of("a", "b", "flush", "next iteration"), log);
    }

    @Test
    void flushes_runOnceInOrder_includingOnesAddedByAFlush() {
        WriteFlushes flushes = new WriteFlushes(loop);
        for (int i = 0; i < 40; i++) { // past the initial capacity
            int n = i;
            flushes.add(() -> log.add("f" + n));
        }
        flushes.add(() -> flushes.add(() -> log.add("added by a flush")));

        flushes.runAll();
        flushes.runAll();

        assertEquals(42 - 1, log.size());
        assertEquals("f0", log.get(0));
        assertEquals("f39", log.get(39));
        assertEquals("added by a flush", log.get(40));
        assertTrue(flushes.isEmpty());
    }

    @Test
    void flush_throwing_isReportedAndTheOthersStillRun() {
        List<String> reported = new ArrayList<>();
        loop.callSoon(() -> {
            loop.setExceptionHandler((context, t) -> reported.add(t.getMessage()));
            flushAtEnd(() -> {
                throw new IllegalStateException("boom");
            });
            flushAtEnd(() -> log.add("second"));
        });
        Future<Void> done = loop.createFuture();
        loop.callSoon(() -> loop.callSoon(() -> done.setResult(null)));

        loop.runUntilComplete(done);

        assertEquals(List.of("boom"), reported);
        assertEquals(List.of("second"), log);
    }
}
