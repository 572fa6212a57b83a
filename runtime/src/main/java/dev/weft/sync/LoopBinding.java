package dev.weft.sync;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.Optional;

/**
 * Which event loop a synchronisation primitive belongs to, and the check that every use happens
 * on that loop's thread.
 *
 * <p>Binding is lazy, as in asyncio: a new primitive belongs to no loop, so it can be created
 * anywhere (in a field initialiser, before {@code Weft.run}). The first use on a thread that is
 * running a loop binds it to that loop. A use on a thread that runs no loop, while the primitive
 * is still unbound, is allowed and binds nothing: without a loop nobody can be waiting on it, so
 * there is nobody to wake on the wrong thread.
 *
 * <p>Implementation overview. The hot path is one comparison of the calling thread with the
 * thread the binding last saw its loop on ({@link #check}); a primitive used from its loop costs
 * no thread-local look-up. Everything else — binding, a loop that was re-bound to another thread
 * (a loop belongs to whichever thread runs it), and the error — takes the slow path. The
 * comparison alone cannot tell two loops run one after the other on the same thread apart, so
 * the paths that are about to wait compare the running loop itself ({@link #loopToWaitOn}): a
 * waiter made on a loop that no longer runs would never be woken.
 *
 * <p>Threading: confined to the bound loop's thread, which is what it checks; the fields are
 * plain because a thread that fails the check never writes them.
 */
final class LoopBinding {
    private EventLoop loop;
    private Thread thread;

    /**
     * Fails unless the calling thread may use the primitive now; binds it on first use in a loop.
     *
     * @param primitive the primitive checked, named in the error message
     * @throws IllegalStateException if the primitive is bound to a loop of another thread
     */
    void check(Object primitive) {
        if (Thread.currentThread() != thread) {
            checkSlowly(primitive);
        }
    }

    /**
     * The loop a waiter of the primitive must be made on: the running loop, which the primitive
     * is bound to from now on. Called on the path that suspends, from a task.
     *
     * @throws IllegalStateException if the primitive is bound to another loop
     */
    EventLoop loopToWaitOn(Object primitive) {
        EventLoop running = Weft.loop();
        if (loop == null) {
            bind(running);
        } else if (running != loop) {
            throw new IllegalStateException(primitive + " is bound to a different event loop ("
                    + loop + "), not to the one running on thread '"
                    + Thread.currentThread().getName() + "': a primitive serves one loop; "
                    + "create a new one for each Weft.run");
        }
        return running;
    }

    private void checkSlowly(Object primitive) {
        Thread me = Thread.currentThread();
        EventLoop running = runningLoop();
        if (loop == null) {
            if (running != null) {
                bind(running);
            }
            return;
        }
        if (running == loop) {
            thread = me; // the loop is now run by this thread: follow it
            return;
        }
        throw new IllegalStateException(primitive + " belongs to the event loop of thread '"
                + thread.getName() + "' but was used from thread '" + me.getName() + "'"
                + (running != null ? ", which runs another loop" : "")
                + ": use it on its loop's thread (hand calls over with loop.callSoonThreadsafe)");
    }

    private void bind(EventLoop running) {
        loop = running;
        thread = Thread.currentThread();
    }

    /** The loop running on this thread, or null; reached only off the hot path. */
    private static EventLoop runningLoop() {
        Optional<Task<?>> task = Weft.currentTask();
        if (task.isPresent()) {
            return task.get().getLoop();
        }
        try {
            return Weft.loop(); // a plain callback of a running loop
        } catch (IllegalStateException noLoopHere) {
            return null;
        }
    }
}
