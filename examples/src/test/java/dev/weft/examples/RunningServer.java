package dev.weft.examples;

import dev.weft.net.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A network example server running on a thread of its own for a test: started with
 * {@link #start}, which returns once it listens, and stopped with {@link #close()}, which stops
 * its loop the way Ctrl-C would end {@code run_forever} and waits for its cleanup.
 *
 * <p>Thread-safe: the test thread only reads the port and the captured log, and stops the loop
 * through {@code callSoonThreadsafe}.
 */
final class RunningServer implements AutoCloseable {

    /** Starts a server: calls one of the examples' {@code run} methods with these arguments. */
    interface Runner {
        void run(PrintStream out, java.util.function.Consumer<Server> started);
    }

    private final Thread thread;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AtomicReference<Server> server = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private RunningServer(Runner runner, boolean captureLog) {
        CountDownLatch listening = new CountDownLatch(1);
        PrintStream out = captureLog ? new PrintStream(log, true, StandardCharsets.UTF_8)
                : new PrintStream(java.io.OutputStream.nullOutputStream());
        thread = new Thread(() -> {
            try {
                runner.run(out, s -> {
                    server.set(s);
                    listening.countDown();
                });
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                listening.countDown();
            }
        }, "example-server");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!listening.await(10, TimeUnit.SECONDS) || server.get() == null) {
                throw new IllegalStateException("the example server did not start", failure.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code runner} on a new thread and returns once its server listens. */
    static RunningServer start(Runner runner, boolean captureLog) {
        return new RunningServer(runner, captureLog);
    }

    /** The server (touch it only through its loop). */
    Server server() {
        return server.get();
    }

    /** The TCP port the server listens on. */
    int port() {
        return server.get().port();
    }

    /** What the server logged so far. */
    String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stops the server's loop and waits for the example's cleanup to finish. */
    @Override
    public void close() {
        Server s = server.get();
        s.getLoop().callSoonThreadsafe(() -> s.getLoop().stop());
        try {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("the example server did not stop within 20 s");
        }
        if (failure.get() != null) {
            throw new AssertionError("the example server failed", failure.get());
        }
    }
}
