package dev.weft;

/**
 * What cancelling the future of a job handed to a thread ({@link Weft#toThread(java.util.concurrent.Callable, OnCancel)},
 * {@link EventLoop#runInExecutor(java.util.concurrent.Executor, java.util.concurrent.Callable, OnCancel)})
 * does to the job once it has started.
 *
 * <p>Whatever the choice, a job that has not started when its future is cancelled never runs,
 * and the future (with the task awaiting it) is cancelled at once; the job's eventual result is
 * dropped. The choice only decides whether a job already running on its thread is interrupted.
 * asyncio cannot interrupt a thread at all, so {@link #LEAVE_RUNNING} is its behaviour and the
 * default; {@link #INTERRUPT} is the {@code java.util.concurrent} way
 * ({@code Future.cancel(true)}), for jobs that answer interrupts (blocking queue and channel
 * operations, {@code Thread.sleep}, most JDBC drivers' statement timeouts do).
 */
public enum OnCancel {
    /** A running job goes on to its end; its result is dropped. asyncio's behaviour; the default. */
    LEAVE_RUNNING,
    /** A running job's thread is interrupted ({@link Thread#interrupt()}); its result is dropped. */
    INTERRUPT
}
