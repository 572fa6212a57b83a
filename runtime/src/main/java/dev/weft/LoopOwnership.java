package dev.weft;

import dev.weft.internal.RunningLoops;

/**
 * Which thread an {@link EventLoop} belongs to, whether it is running, and whether it is closed;
 * also the per-thread record of the running loop.
 *
 * <p>The owner is the thread that created the loop until a thread starts running it, which
 * re-binds the loop to that thread. Owner checks are one volatile read and a comparison. The
 * transitions (start running, stop running, close) take this object's monitor, so two threads
 * can never both start the loop, nor close it while it starts; they happen once per run, never
 * per iteration.
 *
 * <p>Threading: safe on any thread.
 */
final class LoopOwnership {
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private volatile Thread owner = Thread.currentThread();
    private volatile Thread runner;
    private volatile boolean closed;

    /** The loop running on the calling thread, or null. */
    static EventLoop current() {
        return RUNNING.get();
    }

    /**
     * Marks {@code loop} as running on the calling thread and binds it to that thread.
     *
     * @throws IllegalStateException if the loop is closed or running, or the calling thread
     *     already runs a loop
     */
    synchronized void enter(EventLoop loop) {
        if (closed) {
            throw new IllegalStateException("event loop is closed");
        }
        Thread me = Thread.currentThread();
        Thread r = runner;
        if (r != null) {
            throw new IllegalStateException(r == me ? "this event loop is already running"
                    : "this event loop is already running on thread '" + r.getName() + "'");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("cannot run an event loop while another loop is "
                    + "running on thread '" + me.getName() + "'");
        }
        owner = me;
        runner = me;
        RUNNING.set(loop);
        RunningLoops.entered();
    }

    /** Marks the loop as no longer running; called by the thread that entered. */
    void exit() {
        RunningLoops.exited();
        RUNNING.remove();
        synchronized (this) {
            runner = null;
        }
    }

    /**
     * Marks the loop closed.
     *
     * @return true if this call closed it, false if it was already closed
     * @throws IllegalStateException if the loop is running
     */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        if (runner != null) {
            throw new IllegalStateException("cannot close a running event loop");
        }
        closed = true;
        return true;
    }

    /** Fails unless the calling thread owns the loop, naming both threads. */
    void checkThread() {
        Thread me = Thread.currentThread();
        Thread o = owner;
        if (me != o) {
            throw new IllegalStateException("event loop is bound to thread '" + o.getName()
                    + "' but was called from thread '" + me.getName()
                    + "': only callSoonThreadsafe may be called from other threads");
        }
    }

    Thread owner() {
        return owner;
    }

    boolean isOwner() {
        return Thread.currentThread() == owner;
    }

    boolean isRunning() {
        return runner != null;
    }

    boolean isRunningOnCurrentThread() {
        return runner == Thread.currentThread();
    }

    boolean isClosed() {
        return closed;
    }
}
