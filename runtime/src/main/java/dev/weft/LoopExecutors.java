package dev.weft;

import dev.weft.internal.Deadlines;
import dev.weft.internal.DefaultExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's executors: its default executor (made on first use, replaceable, shut down
 * by {@code Weft.run} at exit) and the submission of jobs to any executor (asyncio's
 * {@code run_in_executor}, {@code set_default_executor}, {@code shutdown_default_executor}).
 *
 * <p>The jobs running on the default executor are tracked, so that a shutdown that times out
 * can name them, with their threads and where they are blocked.
 *
 * <p>Threading: {@link #submit}, {@link #setDefault} and {@link #shutdown} on the loop's thread
 * (the loop checks); {@link #started}, {@link #ended} on the executor's threads;
 * {@link #closeNow} on whichever thread closes the loop.
 */
final class LoopExecutors {
    /** The system property that bounds {@code Weft.run}'s wait for running jobs, in milliseconds. */
    static final String SHUTDOWN_TIMEOUT_PROPERTY = "weft.executor.shutdownTimeoutMillis";
    static final long DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 30_000;

    private final EventLoop loop;
    private volatile ExecutorService defaultExecutor;
    /** Whether the default executor was made here (and so is ours to shut down when replaced). */
    private boolean ownDefault;
    private boolean shutDown;
    private final Set<ExecutorJob<?>> running = ConcurrentHashMap.newKeySet();

    LoopExecutors(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Hands {@code job} to {@code executor} (null: the default executor) and returns the future
     * of its outcome.
     *
     * @param context the context to run the job in, or null for none
     * @throws RejectedExecutionException if the executor rejects the job, with a message naming both
     * @throws IllegalStateException if the default executor is asked for after its shutdown
     */
    <T> Future<T> submit(Executor executor, Callable<? extends T> job, Context context, OnCancel onCancel) {
        Objects.requireNonNull(job, "job: pass the Callable to run on the executor's thread");
        Objects.requireNonNull(onCancel, "onCancel");
        Executor target = executor != null ? executor : defaultExecutor();
        ExecutorJob<T> f = new ExecutorJob<>(loop, job, context, onCancel, executor == null ? this : null);
        try {
            f.submitTo(target);
        } catch (RejectedExecutionException e) {
            throw new RejectedExecutionException("the executor " + target + " rejected the job " + job
                    + " (it is shut down, or its queue is full): give it an executor that accepts "
                    + "work, or catch this exception; the loop goes on", e);
        }
        return f;
    }

    private ExecutorService defaultExecutor() {
        if (shutDown) {
            throw new IllegalStateException("the default executor of " + loop + " was shut down "
                    + "(shutdownDefaultExecutor, or Weft.run at exit): pass an executor to runInExecutor, "
                    + "or set a new default with setDefaultExecutor");
        }
        ExecutorService ex = defaultExecutor;
        if (ex == null) {
            ex = DefaultExecutor.create();
            defaultExecutor = ex;
            ownDefault = true;
        }
        return ex;
    }

    /** Replaces the default executor; a default made here is shut down (its running jobs finish). */
    void setDefault(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        ExecutorService old = defaultExecutor;
        if (old != null && ownDefault && old != executor) {
            old.shutdown();
        }
        defaultExecutor = executor;
        ownDefault = false;
        shutDown = false;
    }

    void started(ExecutorJob<?> job) {
        running.add(job);
    }

    void ended(ExecutorJob<?> job) {
        running.remove(job);
    }

    /**
     * Shuts the default executor down and returns a future that completes once its jobs have
     * finished, or fails with a {@link TimeoutError} naming the jobs still running after
     * {@code timeout}. The wait happens on a thread of its own, so the loop goes on running
     * (jobs that hand work back to the loop can still finish). After this the default executor
     * cannot be used; {@link #setDefault} installs a new one.
     */
    Future<Void> shutdown(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Future<Void> done = loop.createFuture();
        shutDown = true;
        ExecutorService ex = defaultExecutor;
        defaultExecutor = null;
        if (ex == null) {
            done.setResult(null);
            return done;
        }
        Thread waiter = new Thread(() -> awaitTermination(ex, timeout, done), "weft-executor-shutdown");
        waiter.setDaemon(true);
        waiter.start();
        return done;
    }

    private void awaitTermination(ExecutorService ex, Duration timeout, Future<Void> done) {
        ex.shutdown();
        boolean finished;
        try {
            finished = ex.awaitTermination(Deadlines.saturatedNanos(timeout), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            finished = false;
        }
        TimeoutError late = finished ? null : new TimeoutError("the default executor's jobs did not "
                + "finish within " + timeout.toMillis() + " ms of its shutdown; still running: "
                + describeRunning() + ". Their threads are daemons and do not keep the JVM alive; make "
                + "the jobs end, or interrupt them (OnCancel.INTERRUPT), or raise -D"
                + SHUTDOWN_TIMEOUT_PROPERTY);
        try {
            loop.callSoonThreadsafe(() -> {
                if (late == null) {
                    done.setResult(null);
                } else {
                    done.setException(late);
                }
            });
        } catch (IllegalStateException closed) {
            // the loop closed without waiting: nobody reads the outcome
        }
    }

    private String describeRunning() {
        List<String> names = new ArrayList<>();
        for (ExecutorJob<?> job : running) {
            names.add(job.describeRunning());
        }
        return names.isEmpty() ? "(jobs of other code on that executor)" : String.join("; ", names);
    }

    /**
     * What {@code Weft.run} does at exit: shuts the default executor down and runs the loop until
     * its jobs finish, for at most {@code weft.executor.shutdownTimeoutMillis} (default 30 s);
     * the jobs still running then are reported through the loop's exception handler. Nothing to
     * do, and no thread started, if the default executor was never used.
     */
    void shutdownAtExit() {
        if (defaultExecutor == null) {
            shutDown = true;
            return;
        }
        long millis = Long.getLong(SHUTDOWN_TIMEOUT_PROPERTY, DEFAULT_SHUTDOWN_TIMEOUT_MILLIS);
        Future<Void> done = shutdown(Duration.ofMillis(Math.max(0, millis)));
        try {
            loop.runUntilComplete(done);
        } catch (TimeoutError e) {
            loop.reportException("Weft.run() shutdown of the default executor", e);
        }
    }

    /** At loop close: shuts the default executor down without waiting (asyncio's {@code close}). */
    void closeNow() {
        ExecutorService ex = defaultExecutor;
        defaultExecutor = null;
        shutDown = true;
        if (ex != null) {
            ex.shutdown();
        }
    }
}
