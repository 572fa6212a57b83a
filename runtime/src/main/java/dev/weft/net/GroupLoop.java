package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * One loop of a {@link LoopGroup} and the thread that runs it.
 *
 * <p>The thread runs the loop until {@link #finish} stops it, then closes what the loop's tasks
 * left open (async generators) and closes the loop, so a joined thread means a closed loop.
 *
 * <p>Threading: {@link #call}, {@link #finish} and {@link #join} may be called from any thread;
 * what they run runs on the loop's thread.
 */
final class GroupLoop {
    private final EventLoop loop = EventLoop.create();
    private final Thread thread;

    GroupLoop(String name) {
        thread = new Thread(this::runLoop, name);
        // A group does not keep the JVM alive on its own: LoopGroup.run or shutdown end it.
        thread.setDaemon(true);
    }

    /** Starts the thread and returns once the loop is running. */
    void start() {
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoonThreadsafe(running::countDown);
        thread.start();
        try {
            running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + thread.getName(), e);
        }
    }

    EventLoop loop() {
        return loop;
    }

    Thread thread() {
        return thread;
    }

    private void runLoop() {
        try {
            loop.runForever();
            loop.runUntilComplete(loop.shutdownAsyncGenerators());
        } finally {
            loop.close();
        }
    }

    /**
     * Runs {@code action} on the loop's thread and returns a future of the loop future it
     * returns; an exception thrown by {@code action}, or a closed loop, fails the future.
     */
    <T> CompletableFuture<T> call(Supplier<Future<T>> action) {
        CompletableFuture<T> out = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> {
                try {
                    action.get().addDoneCallback(f -> {
                        if (f.cancelled()) {
                            out.cancel(false);
                        } else if (f.exception() != null) {
                            out.completeExceptionally(f.exception());
                        } else {
                            out.complete(f.result());
                        }
                    });
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException closed) {
            out.completeExceptionally(closed);
        }
        return out;
    }

    /** Runs {@code action} on the loop's thread; nothing if the loop is closed already. */
    void post(Runnable action) {
        try {
            loop.callSoonThreadsafe(action);
        } catch (IllegalStateException closed) {
            // the loop has ended: what the action would stop or close is gone with it
        }
    }

    /**
     * Ends the loop: on its thread, cancels every pending task and waits for them, then aborts
     * the connections still open on {@code servers} and stops the loop. Returns at once; see
     * {@link #join()}.
     */
    void finish(Supplier<List<Server>> servers) {
        post(() -> cancelThenStop(servers));
    }

    private void cancelThenStop(Supplier<List<Server>> servers) {
        List<Task<?>> left = Weft.allTasks();
        int[] pending = {left.size()};
        Runnable last = () -> {
            for (Server s : servers.get()) {
                s.close();
                s.abortClients();
            }
            // After the connectionLost callbacks the aborts scheduled: they run first (FIFO).
            loop.callSoon(loop::stop);
        };
        if (left.isEmpty()) {
            last.run();
            return;
        }
        for (Task<?> t : left) {
            t.cancel("LoopGroup shutdown: the grace period is over");
            t.addDoneCallback(f -> {
                if (--pending[0] == 0) {
                    last.run();
                }
            });
        }
    }

    /** Waits until the thread has closed the loop. */
    void join() throws InterruptedException {
        if (thread.isAlive() && thread != Thread.currentThread()) {
            thread.join();
        }
    }
}
