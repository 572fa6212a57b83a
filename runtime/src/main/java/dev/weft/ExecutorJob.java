package dev.weft;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * A job handed to an executor, and the loop future of its outcome: what
 * {@link EventLoop#runInExecutor} and {@link Weft#toThread} return (asyncio wraps a
 * {@code concurrent.futures.Future} in an asyncio one; here the two are one object).
 *
 * <p>Threading: {@link #run()} runs on the executor's thread; the {@code Future} methods follow
 * {@link Future}'s rules (changes on the loop's thread only).
 *
 * @param <T> the type of the job's result
 */
final class ExecutorJob<T> extends Future<T> implements Runnable {
    /*
     * Implementation overview. The executor runs this object as a Runnable; the loop
     * sees it as a Future. Between them a small state machine, changed only by
     * compare-and-set, decides who wins a race between the job starting, ending and being cancelled:
     * NEW → RUNNING → FINISHED, or NEW → CANCELLED (the job never runs), or
     * RUNNING → CANCELLED (left running, its result dropped), or
     * RUNNING → INTERRUPTING → CANCELLED (its thread interrupted). INTERRUPTING exists
     * so that a job that ends at that moment waits for the interrupt to land before its thread goes
     * back to the pool: otherwise the interrupt could hit the thread's next job (the same reason
     * FutureTask has it). A finished job posts its outcome to the loop with
     * EventLoop.callSoonThreadsafe; the loop completes the future unless it was cancelled
     * meanwhile. A checked exception thrown by the job is the future's exception as it is, so it
     * reaches the await unwrapped; a CancelledError the job throws cancels the future.
     */

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int INTERRUPTING = 2;
    private static final int CANCELLED = 3;
    private static final int FINISHED = 4;
    private static final VarHandle JOB_STATE;

    static {
        try {
            JOB_STATE = MethodHandles.lookup().findVarHandle(ExecutorJob.class, "jobState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Callable<? extends T> job;
    /** The context the job runs in, or null for none (runInExecutor, as in asyncio). */
    private final Context context;
    private final OnCancel onCancel;
    /** Told when the job starts and ends, to name unfinished jobs at shutdown; or null. */
    private final LoopExecutors tracker;
    /** Where the job was submitted, so that a cancelled job can leave a pool's queue at once. */
    private java.util.concurrent.Executor executor;
    private volatile int jobState;
    /** The thread running the job; written before the job is marked running. */
    private volatile Thread runner;

    ExecutorJob(EventLoop loop, Callable<? extends T> job, Context context, OnCancel onCancel,
            LoopExecutors tracker) {
        super(loop);
        this.job = job;
        this.context = context;
        this.onCancel = onCancel;
        this.tracker = tracker;
    }

    /** Hands the job to {@code executor}; its {@code RejectedExecutionException} propagates. */
    void submitTo(java.util.concurrent.Executor executor) {
        this.executor = executor;
        executor.execute(this);
    }

    // ---- the executor's side ---------------------------------------------------------------

    /** Runs the job, unless it was cancelled first, and posts its outcome to the loop. */
    @Override
    public void run() {
        runner = Thread.currentThread();
        if (!JOB_STATE.compareAndSet(this, NEW, RUNNING)) {
            runner = null;
            return; // cancelled before it started: it never runs
        }
        if (tracker != null) {
            tracker.started(this);
        }
        Object value = null;
        Throwable error = null;
        try {
            value = context == null ? job.call() : ThreadContext.call(context, job);
        } catch (Throwable t) {
            error = t;
        } finally {
            if (tracker != null) {
                tracker.ended(this);
            }
        }
        if (!JOB_STATE.compareAndSet(this, RUNNING, FINISHED)) {
            while (jobState == INTERRUPTING) {
                Thread.onSpinWait(); // let the interrupt land on this job, not the thread's next one
            }
            runner = null;
            return; // cancelled while running: nobody waits for the outcome
        }
        runner = null;
        post(value, error);
    }

    private void post(Object value, Throwable error) {
        try {
            getLoop().callSoonThreadsafe(() -> complete(value, error));
        } catch (IllegalStateException closed) {
            // The loop closed while the job ran: nobody can await the outcome any more.
        }
    }

    /** On the loop's thread: the job's outcome, unless the future was cancelled meanwhile. */
    private void complete(Object value, Throwable error) {
        if (done()) {
            return;
        }
        if (error instanceof CancelledError) {
            completeCancelled(error.getMessage());
        } else if (error != null) {
            completeError(error);
        } else {
            completeValue(value);
        }
    }

    // ---- the loop's side -------------------------------------------------------------------

    /**
     * Cancels the future, which wakes the task awaiting it with a {@link CancelledError} at once:
     * a job that has not started never runs; a running one is interrupted if it was submitted
     * with {@link OnCancel#INTERRUPT}, else left to finish, its result dropped.
     */
    @Override
    public boolean cancel(String msg) {
        return cancel(msg, onCancel == OnCancel.INTERRUPT);
    }

    /**
     * Cancels the future; with {@code mayInterruptIfRunning} a running job's thread is
     * interrupted whatever {@link OnCancel} it was submitted with, as {@code FutureTask} does.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel(null, mayInterruptIfRunning || onCancel == OnCancel.INTERRUPT);
    }

    private boolean cancel(String msg, boolean interrupt) {
        if (!super.cancel(msg)) {
            return false;
        }
        if (JOB_STATE.compareAndSet(this, NEW, CANCELLED)) {
            if (executor instanceof ThreadPoolExecutor) {
                ((ThreadPoolExecutor) executor).remove(this); // frees its place in the queue now
            }
        } else if (interrupt && JOB_STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
            try {
                Thread t = runner;
                if (t != null) {
                    t.interrupt();
                }
            } finally {
                jobState = CANCELLED;
            }
        } else {
            JOB_STATE.compareAndSet(this, RUNNING, CANCELLED);
        }
        return true;
    }

    // ---- description ------------------------------------------------------------------------

    /**
     * The job and, while it runs, its thread and where it is: for the shutdown report that
     * names the jobs that did not finish. Any thread.
     */
    String describeRunning() {
        Thread t = runner;
        StringBuilder sb = new StringBuilder("job ").append(job);
        if (t == null) {
            return sb.append(" (not running)").toString();
        }
        sb.append(" on thread '").append(t.getName()).append('\'');
        StackTraceElement[] stack = t.getStackTrace();
        if (stack.length > 0) {
            sb.append(" at ").append(stack[0]);
        }
        for (int i = 0; i + 1 < stack.length; i++) {
            if (stack[i + 1].getClassName().equals(ExecutorJob.class.getName())
                    || stack[i + 1].getClassName().equals(ThreadContext.class.getName())) {
                if (i > 0) {
                    sb.append(", called from ").append(stack[i]);
                }
                break;
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "<Future " + describeState() + " job=" + job + ">";
    }
}
