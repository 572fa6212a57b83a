package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;
import dev.weft.testing.StepLog;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FutureTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final StepLog log = new StepLog();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Runs exactly one loop iteration (stop() before runForever() means one iteration). */
    private void runOneIteration() {
        loop.stop();
        loop.runForever();
    }

    /** A coroutine that awaits {@code future}: what a woven {@code Weft.await(future)} does. */
    private static final class AwaitOf<T> implements Coroutine<T>, Awaitable {
        private final Future<T> future;

        AwaitOf(Future<T> future) {
            this.future = future;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            return future.awaitFrom(caller);
        }
    }

    // ---- results and exceptions ------------------------------------------------------------

    @Test
    void result_pending_throwsInvalidStateError() {
        Future<String> f = loop.createFuture();
        assertThrows(InvalidStateError.class, f::result);
        assertThrows(InvalidStateError.class, f::exception);
        assertFalse(f.done());
    }

    @Test
    void setResult_value_resultReturnsIt() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertTrue(f.done());
        assertTrue(f.isDone());
        assertFalse(f.cancelled());
        assertEquals("x", f.result());
        assertNull(f.exception());
    }

    @Test
    void setResult_null_isAValidResult() {
        Future<String> f = loop.createFuture();
        f.setResult(null);
        assertTrue(f.done());
        assertNull(f.result());
    }

    @Test
    void setResult_alreadyDone_throwsInvalidStateError() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertThrows(InvalidStateError.class, () -> f.setResult("y"));
        assertThrows(InvalidStateError.class, () -> f.setException(new RuntimeException()));
        assertEquals("x", f.result());
    }

    @Test
    void setException_checkedException_resultRethrowsSameInstance() {
        Future<String> f = loop.createFuture();
        IOException boom = new IOException("boom");
        f.setException(boom);
        assertSame(boom, assertThrows(IOException.class, f::result));
        assertSame(boom, f.exception());
    }

    @Test
    void setException_null_throwsNullPointerException() {
        Future<String> f = loop.createFuture();
        assertThrows(NullPointerException.class, () -> f.setException(null));
        assertFalse(f.done());
    }

    // ---- cancellation ----------------------------------------------------------------------

    @Test
    void cancel_withMessage_resultThrowsCancelledErrorWithIt() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel("enough"));
        assertTrue(f.cancelled());
        assertTrue(f.isCancelled());
        assertTrue(f.done());
        assertEquals("enough", assertThrows(CancelledError.class, f::result).getMessage());
        assertEquals("enough", assertThrows(CancelledError.class, f::exception).getMessage());
    }

    @Test
    void cancel_alreadyDone_returnsFalseAndKeepsResult() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertFalse(f.cancel());
        assertFalse(f.cancel(true));
        assertEquals("x", f.result());
    }

    @Test
    void cancel_juc_isCancelledAndGetThrowsCancellation() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel(false));
        assertThrows(CancelledError.class, f::get);
    }

    // ---- done callbacks --------------------------------------------------------------------

    @Test
    void addDoneCallback_completion_callbackRunsOnLaterIterationNotInline() {
        Future<String> f = loop.createFuture();
        AtomicReference<Future<? super String>> seen = new AtomicReference<>();
        f.addDoneCallback(seen::set);
        f.setResult("x");
        assertNull(seen.get(), "callbacks never run inline");
        runOneIteration();
        assertSame(f, seen.get());
    }

    @Test
    void addDoneCallback_several_runInRegistrationOrder() {
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> log.expect(1));
        f.addDoneCallback(x -> log.expect(2));
        f.addDoneCallback(x -> log.finish(3));
        f.setResult("x");
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void addDoneCallback_alreadyDone_scheduledNotInline() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        f.addDoneCallback(x -> log.finish(2));
        log.expect(1);
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void removeDoneCallback_registeredTwice_removesBothAndReturnsTwo() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> unwanted = x -> log.unreached();
        f.addDoneCallback(unwanted);
        f.addDoneCallback(x -> log.finish(1));
        f.addDoneCallback(unwanted);
        assertEquals(2, f.removeDoneCallback(unwanted));
        assertEquals(0, f.removeDoneCallback(unwanted));
        f.setResult("x");
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void removeDoneCallback_onlyRegistration_returnsOneAndNeverCalls() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> unwanted = x -> log.unreached();
        f.addDoneCallback(unwanted);
        assertEquals(1, f.removeDoneCallback(unwanted));
        f.setResult("x");
        runOneIteration();
    }

    // ---- task waiters ----------------------------------------------------------------------

    @Test
    void addWaiter_betweenDoneCallbacks_taskWokenInRegistrationOrder() {
        Future<String> f = loop.createFuture();
        Task<String> task = loop.createTask(new AwaitOf<>(f), "waiter");
        f.addDoneCallback(x -> {
            log.expect(1);
            assertFalse(task.done(), "the task's wake-up comes after this earlier callback");
        });
        runOneIteration(); // the task's first step registers it as a waiter of f
        f.addDoneCallback(x -> {
            log.finish(2);
            assertEquals("x", task.result(), "the task's wake-up came before this callback");
        });
        f.setResult("x");
        runOneIteration();
        log.assertFinished();
    }

    @Test
    void awaitFrom_failedFuture_taskFailsWithSameException() {
        Future<String> f = loop.createFuture();
        Task<String> task = loop.createTask(new AwaitOf<>(f));
        runOneIteration();
        IOException boom = new IOException("boom");
        f.setException(boom);
        assertSame(boom, assertThrows(IOException.class, () -> loop.runUntilComplete(task)));
    }

    @Test
    void removeWaiter_registeredTask_returnsTrueOnce() {
        Future<String> f = loop.createFuture();
        Future<String> other = loop.createFuture();
        Task<String> task = loop.createTask(new AwaitOf<>(other));
        f.addDoneCallback(x -> { });
        f.addWaiter(task);
        assertTrue(f.removeWaiter(task));
        assertFalse(f.removeWaiter(task));
        task.cancel();
    }

    @Test
    void awaitFrom_doneFuture_returnsValueWithoutSuspending() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        Frame frame = new Frame(new MethodInfo(fr -> null, "FutureTest.test(FutureTest.java:1)", 0, 0));
        assertEquals("x", f.awaitFrom(frame));
    }

    // ---- threads ---------------------------------------------------------------------------

    @Test
    void setResult_fromOtherThread_throwsIllegalStateException() throws Exception {
        Future<String> f = loop.createFuture();
        Throwable thrown = onOtherThread(() -> f.setResult("x"));
        assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
        assertFalse(f.done());
    }

    @Test
    void get_pendingOnLoopThread_throwsIllegalStateException() {
        Future<String> f = loop.createFuture();
        assertThrows(IllegalStateException.class, f::get);
        assertThrows(IllegalStateException.class, () -> f.get(1, TimeUnit.SECONDS));
    }

    @Test
    void get_doneOnLoopThread_returnsOrWraps() throws Exception {
        Future<String> ok = loop.createFuture();
        ok.setResult("x");
        assertEquals("x", ok.get());
        Future<String> failed = loop.createFuture();
        IOException boom = new IOException("boom");
        failed.setException(boom);
        assertSame(boom, assertThrows(ExecutionException.class, failed::get).getCause());
    }

    @Test
    @Timeout(10)
    void get_fromOtherThread_blocksUntilLoopCompletesFuture() throws Exception {
        Future<String> f = loop.createFuture();
        AtomicReference<Object> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                got.set(f.get());
            } catch (Throwable t) {
                got.set(t);
            }
            loop.callSoonThreadsafe(loop::stop);
        }, "waiter");
        loop.callLater(1000, () -> f.setResult("x"));
        waiter.start();
        loop.runForever();
        waiter.join();
        assertEquals("x", got.get());
    }

    @Test
    @Timeout(10)
    void get_failedFromOtherThread_throwsExecutionExceptionWithCause() throws Exception {
        Future<String> f = loop.createFuture();
        IOException boom = new IOException("boom");
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            got.set(assertThrows(ExecutionException.class, f::get));
            loop.callSoonThreadsafe(loop::stop);
        }, "waiter");
        loop.callLater(1000, () -> f.setException(boom));
        waiter.start();
        loop.runForever();
        waiter.join();
        assertSame(boom, got.get().getCause());
    }

    @Test
    @Timeout(10)
    void get_withTimeoutFromOtherThreadWhileLoopIdle_throwsTimeoutException() throws Exception {
        Future<String> f = loop.createFuture();
        Throwable thrown = onOtherThread(() -> f.get(10, TimeUnit.MILLISECONDS));
        assertTrue(thrown instanceof TimeoutException, String.valueOf(thrown));
    }

    // ---- CompletableFuture -----------------------------------------------------------------

    @Test
    void toCompletableFuture_done_completedAtOnce() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertEquals("x", f.toCompletableFuture().getNow(null));
    }

    @Test
    void toCompletableFuture_pending_completedWhenFutureCompletes() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        IOException boom = new IOException("boom");
        f.setException(boom);
        runOneIteration();
        assertTrue(cf.isCompletedExceptionally());
        assertSame(boom, assertThrows(ExecutionException.class, cf::get).getCause());
    }

    @Test
    void toCompletableFuture_cancelled_reportsCancelled() {
        Future<String> f = loop.createFuture();
        f.cancel("why");
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertTrue(cf.isCancelled());
    }

    // ---- description -----------------------------------------------------------------------

    @Test
    void toString_eachState_readsLikeAsyncio() {
        Future<Object> pending = loop.createFuture();
        assertEquals("<Future pending>", pending.toString());
        Future<Object> text = loop.createFuture();
        text.setResult("x");
        assertEquals("<Future finished result='x'>", text.toString());
        Future<Object> number = loop.createFuture();
        number.setResult(42);
        assertEquals("<Future finished result=42>", number.toString());
        Future<Object> failed = loop.createFuture();
        failed.setException(new IllegalArgumentException("bad"));
        assertEquals("<Future finished exception=IllegalArgumentException('bad')>",
                failed.toString());
        Future<Object> cancelled = loop.createFuture();
        cancelled.cancel();
        assertEquals("<Future cancelled>", cancelled.toString());
    }

    /** Runs {@code action} on a new thread and returns what it threw, or null. */
    private static Throwable onOtherThread(ThrowingRunnable action) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "other");
        t.start();
        t.join();
        return thrown.get();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
