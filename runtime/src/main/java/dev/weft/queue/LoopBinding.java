package dev.weft.queue;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.internal.LoopBridge;
import java.util.Optional;

/**
 * Which event loop a queue belongs to, and the thread check of every queue operation.
 *
 * <p>As in asyncio (3.10 and later), a queue is not bound when it is made: it binds to the loop
 * running on the thread of the first operation made while a loop runs there. From then on every
 * operation must run on that loop's thread, and fails with the loop's
 * {@link IllegalStateException} (naming both threads) elsewhere, or once the loop is closed.
 * Before that, only the thread that made the queue may use it (to fill it before
 * {@code Weft.run}, say). A wait on a queue bound to another loop that shares the thread fails
 * too ({@code QueueState.park}), as asyncio's "bound to a different event loop" does.
 *
 * <p>The check is the loop's own (a volatile read and a comparison), reached through
 * {@link LoopBridge}, so it follows the loop if the loop is later run on another thread.
 * Confined to the queue's loop thread, but safe to call from any thread: that is what it checks.
 */
final class LoopBinding {
    private static final LoopBridge BRIDGE = LoopBridge.get();

    private final Thread creator = Thread.currentThread();
    private EventLoop loop;

    /**
     * Checks that the calling thread may use the queue, binding it first if a loop runs here.
     *
     * @return the bound loop, or null while the queue is unbound
     * @throws IllegalStateException on the wrong thread, or if the bound loop is closed
     */
    EventLoop check() {
        EventLoop l = loop;
        if (l != null) {
            BRIDGE.checkThread(l);
            return l;
        }
        l = runningLoop();
        if (l != null) {
            loop = l;
            return l;
        }
        if (Thread.currentThread() != creator) {
            throw new IllegalStateException("queue used from thread '"
                    + Thread.currentThread().getName() + "' before any event loop used it: "
                    + "until then only its creator, thread '" + creator.getName() + "', may");
        }
        return null;
    }

    /** The bound loop; only called after a {@link #check()} that found one. */
    EventLoop loop() {
        return loop;
    }

    /** The loop running on this thread, or null; only reached while the queue is unbound. */
    private static EventLoop runningLoop() {
        Optional<Task<?>> task = Weft.currentTask();
        if (task.isPresent()) {
            return task.get().getLoop();
        }
        try {
            return Weft.loop(); // a plain callback on a running loop
        } catch (IllegalStateException noLoop) {
            return null;
        }
    }
}
