package dev.weft.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.runCoroutineThreadsafe} from a plain thread to a loop running on another, and
 * {@code Weft.wrapFuture}: results, exceptions, cancellation both ways.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunCoroutineThreadsafeTest {

    @Async
    static Coroutine<String> greet(String who) {
        Weft.await(Weft.sleep(1));
        return Weft.done("hello " + who + " from " + Thread.currentThread().getName());
    }

    @Async
    static Coroutine<String> fail(Exception e) throws Exception {
        Weft.await(Weft.sleep(1));
        throw e;
    }

    @Async
    static Coroutine<String> waitForever(AtomicReference<String> saw, CountDownLatch started) {
        started.countDown();
        try {
            Weft.await(Weft.sleep(600_000));
            return Weft.done("woke");
        } catch (CancelledError e) {
            saw.set("cancelled inside the coroutine");
            throw e;
        }
    }

    @Test
    @SuppressWarnings("try") // BackgroundLoop.close() may throw InterruptedException: the test method declares it
    void runCoroutineThreadsafe_fromAPlainThread_theTaskResultCompletesTheFuture() throws Exception {
        try (BackgroundLoop bg = BackgroundLoop.start()) {
            CompletableFuture<String> cf = Weft.runCoroutineThreadsafe(greet("test"), bg.loop);

            assertEquals("hello test from background-loop", cf.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    @SuppressWarnings("try") // BackgroundLoop.close() may throw InterruptedException: the test method declares it
    void runCoroutineThreadsafe_coroutineThrows_theSameExceptionCompletesTheFuture() throws Exception {
        IOException thrown = new IOException("no route");
        try (BackgroundLoop bg = BackgroundLoop.start()) {
            CompletableFuture<String> cf = Weft.runCoroutineThreadsafe(fail(thrown), bg.loop);

            ExecutionException e = assertThrows(ExecutionException.class, () -> cf.get(10, TimeUnit.SECONDS));
            assertSame(thrown, e.getCause());
        }
    }

    @Test
    @SuppressWarnings("try") // BackgroundLoop.close() may throw InterruptedException: the test method declares it
    void cancel_ofTheFutureFromAnotherThread_cancelsTheTaskAtItsAwait() throws Exception {
        AtomicReference<String> saw = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        try (BackgroundLoop bg = BackgroundLoop.start()) {
            CompletableFuture<String> cf = Weft.runCoroutineThreadsafe(waitForever(saw, started), bg.loop);
            assertTrue(started.await(10, TimeUnit.SECONDS));

            assertTrue(cf.cancel(false));

            assertTrue(cf.isCancelled());
            for (int i = 0; i < 1000 && saw.get() == null; i++) {
                Thread.sleep(10);
            }
            assertEquals("cancelled inside the coroutine", saw.get());
        }
    }

    @Async
    static Coroutine<String> cancelledByItsLoop(AtomicReference<Task<?>> me, CountDownLatch started) {
        me.set(Weft.currentTask().orElseThrow());
        started.countDown();
        Weft.await(Weft.sleep(600_000));
        return Weft.done("woke");
    }

    @Test
    @SuppressWarnings("try") // BackgroundLoop.close() may throw InterruptedException: the test method declares it
    void cancel_ofTheTaskOnItsLoop_cancelsTheFuture() throws Exception {
        AtomicReference<Task<?>> task = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        try (BackgroundLoop bg = BackgroundLoop.start()) {
            CompletableFuture<String> cf = Weft.runCoroutineThreadsafe(cancelledByItsLoop(task, started), bg.loop);
            assertTrue(started.await(10, TimeUnit.SECONDS));

            bg.loop.callSoonThreadsafe(() -> task.get().cancel("stop"));

            CancellationException e = assertThrows(CancellationException.class, () -> cf.get(10, TimeUnit.SECONDS));
            assertTrue(cf.isCancelled());
            // JDK 23+ get() throws a fresh CancellationException("get") caused by the stored one
            Throwable stored = e instanceof CancelledError ? e : e.getCause();
            assertTrue(stored instanceof CancelledError, e.toString());
            assertEquals("stop", stored.getMessage());
        }
    }

    @Test
    void runCoroutineThreadsafe_loopNotRunningOrClosed_illegalStateExceptionAndNothingRuns() {
        EventLoop idle = EventLoop.create();
        IllegalStateException notRunning = assertThrows(IllegalStateException.class,
                () -> Weft.runCoroutineThreadsafe(greet("x"), idle));
        assertTrue(notRunning.getMessage().contains("is not running"), notRunning.getMessage());
        idle.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> Weft.runCoroutineThreadsafe(greet("x"), idle));
        assertTrue(closed.getMessage().contains("is closed"), closed.getMessage());
        assertThrows(NullPointerException.class, () -> Weft.runCoroutineThreadsafe(null, idle));
        assertThrows(NullPointerException.class, () -> Weft.runCoroutineThreadsafe(greet("x"), null));
    }

    // ---- wrapFuture ----------------------------------------------------------------------------

    @Async
    static Coroutine<String> awaitWrapped(java.util.concurrent.Future<String> f) {
        try {
            return Weft.done("value " + Weft.await(Weft.wrapFuture(f)));
        } catch (Exception e) { // javac cannot know what an await throws: the job's own exception
            return Weft.done(e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    @Test
    void wrapFuture_completableFutureCompletedOnAnotherThread_chained() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        new Thread(() -> cf.complete("from a thread")).start();

        assertEquals("value from a thread", Weft.run(awaitWrapped(cf)));
    }

    @Test
    void wrapFuture_plainFutureFailing_waitedForOnTheExecutorAndItsCauseUnwrapped() {
        FutureTask<String> task = new FutureTask<>(() -> {
            throw new IOException("plain future failed");
        });
        new Thread(task).start();

        assertEquals("IOException plain future failed", Weft.run(awaitWrapped(task)));
    }

    @Async
    static Coroutine<Boolean> cancelWrapper(CompletableFuture<String> cf) {
        Future<String> wrapper = Weft.wrapFuture(cf);
        wrapper.cancel();
        Weft.await(Weft.sleep(0)); // the done callback that cancels cf runs
        return Weft.done(cf.isCancelled());
    }

    @Test
    void cancel_ofTheWrapper_cancelsTheWrappedFuture() {
        assertTrue(Weft.run(cancelWrapper(new CompletableFuture<>())));
    }
}
