package dev.weft.it.threads;

import dev.weft.EventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An event loop running {@code runForever} on a thread of its own, as seed 004's "loop in
 * another thread" does: {@link #start} returns once the loop runs; {@link #close} stops it from
 * the test thread with {@code callSoonThreadsafe(loop::stop)}, joins the thread and closes the
 * loop.
 */
@SuppressWarnings("try") // close() joins the loop thread, so it may throw InterruptedException
final class BackgroundLoop implements AutoCloseable {
    final EventLoop loop;
    private final Thread thread;

    private BackgroundLoop() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        loop = EventLoop.create();
        loop.callSoonThreadsafe(running::countDown);
        thread = new Thread(loop::runForever, "background-loop");
        thread.setDaemon(true);
        thread.start();
        if (!running.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the background loop did not start");
        }
    }

    static BackgroundLoop start() throws InterruptedException {
        return new BackgroundLoop();
    }

    @Override
    public void close() throws InterruptedException {
        loop.callSoonThreadsafe(loop::stop);
        thread.join(10_000);
        loop.close();
    }
}
