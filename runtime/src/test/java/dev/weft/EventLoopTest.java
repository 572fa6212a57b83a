package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.testing.StepLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EventLoopTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final StepLog log = new StepLog();
    private final List<String> reported = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Runs exactly one loop iteration (stop() before runForever() means one iteration). */
    private void runOneIteration() {
        loop.stop();
        loop.runForever();
    }

    /** Captures reported callback exceptions as "context: exception message". */
    private void captureReports() {
        loop.setExceptionHandler((context, t) -> reported.add(context + ": " + t.getMessage()));
    }

    // ---- ordering --------------------------------------------------------------------------

    @Test
    void callSoon_several_runInFifoOrder() {
        loop.callSoon(() -> log.expect(1));
        loop.callSoon(() -> log.expect(2));
        loop.callSoon(() -> log.finish(3));
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void callSoon_duringBatch_runsOnNextIteration() {
        loop.callSoon(() -> {
            log.expect(1);
            loop.callSoon(() -> log.finish(4));
        });
        loop.callSoon(() -> log.expect(2));
        runOneIteration();
        log.expect(3);
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void callLater_differentDelays_runInDeadlineOrderOnVirtualTime() {
        Future<Void> done = loop.createFuture();
        loop.callLater(Duration.ofSeconds(3), () -> {
            assertEquals(3.0, loop.time());
            log.finish(3);
            done.setResult(null);
        });
        loop.callLater(Duration.ofSeconds(1), () -> {
            assertEquals(1.0, loop.time());
            log.expect(1);
        });
        loop.callLater(2000, () -> {
            assertEquals(2.0, loop.time());
            log.expect(2);
        });
        loop.runUntilComplete(done);
        log.assertFinished();
    }

    @Test
    void callLater_equalDeadlines_runInSchedulingOrder() {
        Future<Void> done = loop.createFuture();
        loop.callLater(Duration.ofMillis(500), () -> log.expect(1));
        loop.callLater(500, () -> log.expect(2));
        loop.callAt(500_000_000L, () -> log.expect(3));
        loop.callLater(500, () -> {
            log.finish(4);
            done.setResult(null);
        });
        loop.runUntilComplete(done);
        log.assertFinished();
    }

    @Test
    void callLater_tenSecondsOfTimers_virtualClockJumpsToEachDeadline() {
        Future<Integer> done = loop.createFuture();
        int[] fired = {0};
        for (int i = 1; i <= 1000; i++) {
            loop.callLater(Duration.ofMillis(10L * i), () -> fired[0]++);
        }
        loop.callLater(Duration.ofSeconds(10), () -> done.setResult(fired[0]));
        assertEquals(1000, loop.runUntilComplete(done));
        assertEquals(10.0, loop.time());
    }

    @Test
    void callLater_timerSchedulesCallSoon_clockWaitsForReadyWork() {
        Future<Void> done = loop.createFuture();
        loop.callLater(1000, () -> {
            log.expect(1);
            loop.callSoon(() -> {
                assertEquals(1.0, loop.time(), "the clock must not jump while work is ready");
                log.expect(2);
            });
        });
        loop.callLater(2000, () -> {
            log.finish(3);
            done.setResult(null);
        });
        loop.runUntilComplete(done);
        log.assertFinished();
    }

    @Test
    void callAt_pastDeadline_runsOnNextIteration() {
        loop.callAt(-5_000_000_000L, () -> log.finish(1));
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void callLater_hugeDelay_clampedIntoTheFutureNotThePast() {
        TimerHandle t = loop.callLater(Duration.ofSeconds(Long.MAX_VALUE), log::unreached);
        assertTrue(t.deadlineNanos() > 0);
        assertEquals(Long.MAX_VALUE / 4, t.deadlineNanos());
        runOneIteration();
    }

    // ---- cancellation ----------------------------------------------------------------------

    @Test
    void handleCancel_beforeRun_callbackSkipped() {
        Handle h = loop.callSoon(log::unreached);
        loop.callSoon(() -> log.finish(1));
        h.cancel();
        assertTrue(h.cancelled());
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void timerCancel_beforeDeadline_neverRuns() {
        Future<Void> done = loop.createFuture();
        TimerHandle early = loop.callLater(1000, log::unreached);
        loop.callLater(3000, () -> done.setResult(null));
        early.cancel();
        loop.runUntilComplete(done);
        assertEquals(3.0, loop.time());
        assertEquals(1.0, early.when());
    }

    @Test
    void timerCancel_byEarlierCallbackInSameBatch_skipped() {
        Future<Void> done = loop.createFuture();
        TimerHandle[] second = new TimerHandle[1];
        loop.callLater(1000, () -> second[0].cancel());
        second[0] = loop.callLater(1000, log::unreached);
        loop.callLater(1000, () -> done.setResult(null));
        loop.runUntilComplete(done);
    }

    // ---- running and stopping --------------------------------------------------------------

    @Test
    void runUntilComplete_checkedFailure_rethrowsSameInstanceUnwrapped() {
        Future<String> f = loop.createFuture();
        IOException boom = new IOException("boom");
        loop.callLater(100, () -> f.setException(boom));
        assertSame(boom, assertThrows(IOException.class, () -> loop.runUntilComplete(f)));
        assertFalse(loop.isRunning());
    }

    @Test
    void runUntilComplete_cancelledFuture_throwsCancelledError() {
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> f.cancel("stop it"));
        CancelledError e = assertThrows(CancelledError.class, () -> loop.runUntilComplete(f));
        assertEquals("stop it", e.getMessage());
    }

    @Test
    void runUntilComplete_stoppedBeforeDone_throwsIllegalStateException() {
        Future<String> f = loop.createFuture();
        loop.callSoon(loop::stop);
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
        assertFalse(loop.isRunning());
    }

    @Test
    void runUntilComplete_alreadyDone_returnsWithoutIteration() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        loop.callSoon(log::unreached);
        assertEquals("x", loop.runUntilComplete(f));
    }

    @Test
    void runUntilComplete_futureOfOtherLoop_throwsIllegalArgumentException() {
        EventLoop other = EventLoop.create(Clock.virtual());
        try {
            Future<String> f = other.createFuture();
            assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(f));
        } finally {
            other.close();
        }
    }

    @Test
    void runForever_stopInCallback_finishesCurrentBatchOnly() {
        loop.callSoon(() -> {
            log.expect(1);
            loop.stop();
            loop.callSoon(log::unreached);
        });
        loop.callSoon(() -> log.finish(2));
        loop.runForever();
        log.assertFinished();
        assertFalse(loop.isRunning());
    }

    @Test
    void isRunning_insideCallback_trueAndCurrentLoopSet() {
        assertNull(EventLoop.currentOrNull());
        loop.callSoon(() -> {
            assertTrue(loop.isRunning());
            assertSame(loop, EventLoop.currentOrNull());
            log.finish(1);
        });
        runOneIteration();
        log.assertFinished();
        assertNull(EventLoop.currentOrNull());
    }

    @Test
    void runForever_reentrantFromCallback_throwsIllegalStateException() {
        loop.callSoon(() -> {
            assertThrows(IllegalStateException.class, loop::runForever);
            log.finish(1);
        });
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void runForever_whileAnotherLoopRunsOnThread_throwsIllegalStateException() {
        EventLoop other = EventLoop.create(Clock.virtual());
        try {
            loop.callSoon(() -> {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        other::runForever);
                assertTrue(e.getMessage().contains("another loop"), e.getMessage());
                log.finish(1);
            });
            runOneIteration();
            log.assertFinished();
        } finally {
            other.close();
        }
    }

    // ---- exceptions from callbacks ---------------------------------------------------------

    @Test
    void callback_throws_reportedAndLoopContinues() {
        captureReports();
        loop.callSoon(() -> {
            throw new IllegalStateException("bad callback");
        });
        loop.callSoon(() -> log.finish(1));
        runOneIteration();
        log.assertFinished();
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("Exception in callback"), reported.get(0));
        assertTrue(reported.get(0).endsWith(": bad callback"), reported.get(0));
    }

    @Test
    void reportException_defaultHandler_logsContextAndExceptionAtErrorOnDevWeftEventLoop() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("dev.weft.EventLoop");
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = jul.getUseParentHandlers();
        jul.addHandler(capture);
        jul.setUseParentHandlers(false); // and nothing on the console
        RuntimeException kaboom = new RuntimeException("kaboom");
        try {
            loop.reportException("Exception in callback X", kaboom);
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(parents);
        }
        assertEquals(1, records.size(), records.toString());
        assertEquals(java.util.logging.Level.SEVERE, records.get(0).getLevel());
        assertEquals("Exception in callback X", records.get(0).getMessage());
        assertSame(kaboom, records.get(0).getThrown());
    }

    // ---- threads ---------------------------------------------------------------------------

    @Test
    void callSoon_fromOtherThread_throwsNamingBothThreads() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread intruder = new Thread(() -> {
            try {
                loop.callSoon(() -> { });
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "intruder");
        intruder.start();
        intruder.join();
        String message = thrown.get().getMessage();
        assertTrue(thrown.get() instanceof IllegalStateException);
        assertTrue(message.contains("'intruder'"), message);
        assertTrue(message.contains("'" + Thread.currentThread().getName() + "'"), message);
    }

    @Test
    @Timeout(10)
    void runUntilComplete_onOtherThread_rebindsOwnerAndReturnsTheResult() throws Exception {
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> f.setResult("done"));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> outcome.set(outcomeOf(() -> loop.runUntilComplete(f))),
                "runner");
        runner.start();
        runner.join();
        assertEquals("done", outcome.get());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.callSoon(() -> { }));
        assertTrue(e.getMessage().contains("'runner'"), e.getMessage());
    }

    @Test
    @Timeout(10)
    void runUntilComplete_ofACoroutine_onOtherThread_createsTheTaskThere() throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread runner = new Thread(() -> outcome.set(outcomeOf(() -> {
            loop.runUntilComplete(Weft.sleep(0));
            return "slept";
        })), "runner");
        runner.start();
        runner.join();
        assertEquals("slept", outcome.get());
        assertFalse(loop.isRunning());
    }

    /** What {@code body} returns, or what it throws: for a run on another thread. */
    private static Object outcomeOf(java.util.function.Supplier<Object> body) {
        try {
            return body.get();
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    @Timeout(10)
    void runForever_onOtherThread_rebindsOwnerToThatThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        loop.callSoon(started::countDown);
        Thread runner = new Thread(loop::runForever, "runner");
        runner.start();
        started.await();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.callSoon(() -> { }));
        assertTrue(e.getMessage().contains("'runner'"), e.getMessage());
        assertThrows(IllegalStateException.class, loop::close, "cannot close a running loop");
        loop.callSoonThreadsafe(loop::stop);
        runner.join();
        assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }),
                "the loop stays bound to the thread that ran it");
        loop.close(); // allowed from any thread once the loop is not running
        assertTrue(loop.isClosed());
    }

    @Test
    @Timeout(10)
    void callSoonThreadsafe_whileLoopBlockedInSelect_wakesIt() throws Exception {
        EventLoop real = EventLoop.create();
        try {
            Thread poster = new Thread(() -> {
                try {
                    Thread.sleep(50); // give the loop time to block: nothing else is scheduled
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                real.callSoonThreadsafe(real::stop);
            }, "poster");
            poster.start();
            real.runForever();
            poster.join();
        } finally {
            real.close();
        }
    }

    @Test
    @Timeout(20)
    void callSoonThreadsafe_manyThreadsConcurrently_noCallbackLost() throws Exception {
        EventLoop real = EventLoop.create();
        int threads = 4;
        int perThread = 5_000;
        AtomicInteger ran = new AtomicInteger();
        try {
            List<Thread> posters = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    for (int j = 0; j < perThread; j++) {
                        real.callSoonThreadsafe(() -> {
                            if (ran.incrementAndGet() == threads * perThread) {
                                real.stop();
                            }
                        });
                    }
                }, "poster-" + i);
                posters.add(t);
                t.start();
            }
            real.runForever();
            for (Thread t : posters) {
                t.join();
            }
        } finally {
            real.close();
        }
        assertEquals(threads * perThread, ran.get());
    }

    // ---- closing ---------------------------------------------------------------------------

    @Test
    void close_twice_isIdempotent() {
        loop.close();
        loop.close();
        assertTrue(loop.isClosed());
    }

    @Test
    void close_whileRunning_throwsIllegalStateException() {
        loop.callSoon(() -> {
            assertThrows(IllegalStateException.class, loop::close);
            log.finish(1);
        });
        runOneIteration();
        log.assertFinished();
        assertFalse(loop.isClosed());
    }

    @Test
    void anyApi_afterClose_throwsEventLoopIsClosed() {
        loop.close();
        for (Runnable use : List.<Runnable>of(
                () -> loop.callSoon(() -> { }),
                () -> loop.callLater(1, () -> { }),
                () -> loop.callSoonThreadsafe(() -> { }),
                loop::createFuture,
                loop::runForever)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
            assertEquals("event loop is closed", e.getMessage());
        }
    }

    // ---- I/O seam --------------------------------------------------------------------------

    @Test
    @Timeout(10)
    void runOnce_readableChannel_dispatchesToKeyHandler() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            ByteBuffer buffer = ByteBuffer.allocate(16);
            loop.io.register(pipe.source(), SelectionKey.OP_READ, key -> {
                try {
                    pipe.source().read(buffer);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                key.cancel();
                loop.stop();
            });
            pipe.sink().write(ByteBuffer.wrap("hi".getBytes(StandardCharsets.US_ASCII)));
            loop.runForever();
            assertEquals(2, buffer.position());
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
    }

    // ---- allocation ------------------------------------------------------------------------

    @Test
    void runOnce_steadyStateSelfRequeueingCallback_allocatesNothingPerIteration() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled());
        int iterations = 200_000;
        int[] left = new int[1];
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (--left[0] > 0) {
                loop.enqueue(self[0]);
            } else {
                loop.stop();
            }
        };
        for (int round = 0; round < 3; round++) { // the first rounds warm up (JIT, lazy init)
            left[0] = iterations;
            loop.enqueue(self[0]);
            long before = threads.getCurrentThreadAllocatedBytes();
            loop.runForever();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                assertTrue(allocated < iterations / 10,
                        allocated + " bytes over " + iterations + " iterations");
            }
        }
    }
}
