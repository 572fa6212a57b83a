package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job/future state machine, driven by hand: an executor that only keeps what it is given. */
class ExecutorJobTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor keep = queued::add;

    @AfterEach
    void close() {
        loop.close();
    }

    private void runOneIteration() {
        loop.stop();
        loop.runForever();
    }

    @Test
    void run_jobReturns_theFutureGetsTheValueOnTheLoop() {
        Future<String> f = loop.runInExecutor(keep, () -> "v");
        queued.get(0).run();
        assertFalse(f.done(), "completed by a loop callback, not by the executor's thread");

        runOneIteration();

        assertEquals("v", f.result());
    }

    @Test
    void run_jobThrowsCheckedException_theFutureHoldsThatException() {
        IOException thrown = new IOException("x");
        Future<String> f = loop.runInExecutor(keep, () -> {
            throw thrown;
        });
        queued.get(0).run();
        runOneIteration();

        assertSame(thrown, f.exception());
    }

    @Test
    void cancel_beforeTheJobStarts_theJobNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        Future<String> f = loop.runInExecutor(keep, () -> {
            ran.set(true);
            return "v";
        });

        assertTrue(f.cancel());
        queued.get(0).run();
        runOneIteration();

        assertFalse(ran.get());
        assertTrue(f.cancelled());
    }

    @Test
    void cancel_afterTheJobFinishedButBeforeTheLoopTookTheResult_staysCancelled() {
        Future<String> f = loop.runInExecutor(keep, () -> "v");
        queued.get(0).run();

        assertTrue(f.cancel());
        runOneIteration();

        assertTrue(f.cancelled());
    }

    @Test
    void run_jobThrowsCancelledError_theFutureIsCancelled() {
        Future<String> f = loop.runInExecutor(keep, () -> {
            throw new CancelledError("gave up");
        });
        queued.get(0).run();
        runOneIteration();

        assertTrue(f.cancelled());
    }

    @Test
    void run_loopClosedWhileTheJobRan_theOutcomeIsDroppedQuietly() {
        Future<String> f = loop.runInExecutor(keep, () -> "v");
        loop.close();

        queued.get(0).run(); // must not throw on the executor's thread

        assertFalse(f.done());
    }
}
