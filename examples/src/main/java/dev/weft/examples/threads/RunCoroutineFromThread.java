package dev.weft.examples.threads;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link Weft#runCoroutineThreadsafe} from a plain thread (asyncio's
 * {@code run_coroutine_threadsafe}): the main thread hands coroutines to a loop running on a
 * second thread and waits on the {@link CompletableFuture}s it gets back, for a result, a
 * cancellation (cancelling the future cancels the task) and an error (the coroutine's own
 * exception, which {@code get()} wraps in {@code ExecutionException}).
 *
 * <p>The loop must be running before a coroutine is handed to it, so the main thread waits for a
 * first {@code callSoonThreadsafe} callback; Python's program can skip that, since asyncio keeps
 * the coroutine until the loop starts.
 */
public final class RunCoroutineFromThread {
    private RunCoroutineFromThread() {
    }

    @Async
    static Coroutine<String> doSomeWork(int x, CountDownLatch started) {
        System.out.println("Waiting " + x);
        started.countDown();
        Weft.await(Weft.sleep(x * 100L));
        return Weft.done("Done after " + x + "s");
    }

    @Async
    static Coroutine<String> noWork(int x) {
        throw new IllegalArgumentException("no work for " + x);
    }

    /** Runs a loop on a second thread and hands it three coroutines from this one. */
    public static void main(String[] args) {
        try {
            run();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run() throws InterruptedException, ExecutionException, TimeoutException {
        EventLoop loop = EventLoop.create();
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoonThreadsafe(running::countDown);
        Thread t = new Thread(loop::runForever, "loop-thread");
        t.start();
        running.await(10, TimeUnit.SECONDS);

        CompletableFuture<String> future = Weft.runCoroutineThreadsafe(doSomeWork(2, new CountDownLatch(1)), loop);
        System.out.println("Task ret: " + future.get(10, TimeUnit.SECONDS));

        CountDownLatch started = new CountDownLatch(1);
        future = Weft.runCoroutineThreadsafe(doSomeWork(1000, started), loop);
        started.await(10, TimeUnit.SECONDS);
        System.out.println("cancel: " + pythonBool(future.cancel(false)));
        System.out.println("cancelled: " + pythonBool(future.isCancelled()));

        future = Weft.runCoroutineThreadsafe(noWork(-1), loop);
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            System.out.println("Error: " + e.getCause().getMessage());
        }

        loop.callSoonThreadsafe(loop::stop);
        t.join();
        loop.close();
    }

    private static String pythonBool(boolean b) {
        return b ? "True" : "False";
    }
}
