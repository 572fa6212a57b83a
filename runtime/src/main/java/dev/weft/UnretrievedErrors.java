package dev.weft;

import java.util.ArrayList;

/**
 * Reports the exceptions of failed tasks that nobody retrieved: asyncio's "Task exception was
 * never retrieved", made deterministic.
 *
 * <p>The rule: a task that finishes with an exception other than {@link CancelledError} is
 * watched until the end of the loop iteration in which it finished. If by then nobody awaited
 * it, read its {@code result()} or {@code exception()}, or registered a done callback on it, its
 * exception goes to the loop's exception handler ({@link EventLoop#setExceptionHandler}), once.
 * Waiting for the end of the iteration, rather than reporting on the spot, lets a task that runs
 * later in the same batch still await the failed one. asyncio waits for garbage collection
 * instead, which reports late or never; the price here is that a task awaited only in a later
 * iteration has already been reported.
 *
 * <p>Threading: confined to the loop's thread. Costs nothing until a task fails unretrieved.
 */
final class UnretrievedErrors {
    private final EventLoop loop;
    /** The failed tasks of this iteration whose outcome nobody had retrieved; null when none. */
    private ArrayList<Task<?>> watched;

    UnretrievedErrors(EventLoop loop) {
        this.loop = loop;
    }

    /** Watches {@code task}, which just failed with nobody retrieving its outcome. */
    void watch(Task<?> task) {
        if (watched == null) {
            watched = new ArrayList<>(4);
        }
        watched.add(task);
    }

    /** At the end of an iteration: reports each watched task still unretrieved, then forgets all. */
    void endOfIteration() {
        ArrayList<Task<?>> tasks = watched;
        if (tasks == null) {
            return;
        }
        watched = null;
        for (Task<?> t : tasks) {
            if (!t.retrieved()) {
                t.markRetrieved(); // reported once, and exception() below must not count as use
                loop.reportException("Task exception was never retrieved: " + t, t.exception());
            }
        }
    }
}
