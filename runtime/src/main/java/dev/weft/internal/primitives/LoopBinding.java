package dev.weft.internal.primitives;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.internal.LoopAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Which event loop a primitive (a lock, semaphore, condition, event, barrier or queue) belongs
 * to, and the check that every use of it happens on that loop's thread.
 *
 * <p>Binding is lazy, as in asyncio (3.10 and later): a new primitive belongs to no loop, so it
 * can be created anywhere (in a field initialiser, before {@code Weft.run}). The first use on a
 * thread that is running a loop binds it to that loop. Until then only the thread that created
 * it may use it without a loop (to fill a queue before {@code Weft.run}, say); any other thread
 * fails, as an unbound {@link EventLoop} also belongs to its creator until a thread runs it.
 *
 * <p>Once bound, a use must come from the loop's owner thread (the thread that runs it, or ran it
 * last), so the binding follows the loop if the loop is later run by another thread; and the loop
 * must be open: a primitive whose loop is closed can never wake anyone again, so every use of it
 * fails. A use from a later loop of the same thread, while the first is still open, passes the
 * thread check but cannot wait: {@link #loopToWaitOn} rejects it, since the waiter's wake-up
 * would go to a loop that is not running (asyncio's "bound to a different event loop").
 *
 * <p>Not API. Threading: confined to the bound loop's thread, but safe to call from any thread:
 * that is what it checks. The field is read plainly on the hot path; binding is a
 * compare-and-set, so two threads running loops that race to bind the same unbound primitive
 * cannot both win: the loser is checked against the winner's loop and fails. Null policy:
 * the {@code primitive} arguments are only named in messages (by {@code toString}) and must not
 * be null.
 */
public final class LoopBinding {
    /*
     * Implementation overview. The hot path (check) is a read of the loop's owner (one
     * volatile field, reached through LoopAccess) compared with the calling thread, and a
     * read of the loop's closed flag; no thread-local look-up. Binding, the errors and their
     * messages take the slow path.
     */

    private static final LoopAccess BRIDGE = LoopAccess.get();
    private static final VarHandle LOOP;

    static {
        try {
            LOOP = MethodHandles.lookup().findVarHandle(LoopBinding.class, "loop", EventLoop.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread creator = Thread.currentThread();
    private EventLoop loop;

    /** Creates the binding of a new primitive: bound to no loop, usable by the calling thread. */
    public LoopBinding() {
    }

    /**
     * Fails unless the calling thread may use {@code primitive} now; binds it on its first use
     * on a thread that runs a loop.
     *
     * @param primitive the primitive checked, named in the error message
     * @throws IllegalStateException if the primitive is bound to the loop of another thread, if
     *     its loop is closed, or if it is unbound and the caller is neither its creator nor on a
     *     running loop
     */
    public void check(Object primitive) {
        EventLoop l = loop;
        if (l == null || BRIDGE.owner(l) != Thread.currentThread() || l.isClosed()) {
            checkSlowly(primitive, l);
        }
    }

    /**
     * The loop a waiter of {@code primitive} must be made on: the running loop, which must be
     * the bound one. Called after {@link #check} on the path that suspends, from a task.
     *
     * @throws IllegalStateException if the primitive is bound to another loop than the running
     *     one, or no loop runs on this thread
     */
    public EventLoop loopToWaitOn(Object primitive) {
        EventLoop running = Weft.loop();
        EventLoop bound = loop;
        if (bound == null) { // reached only if check() was skipped: bind as check() would have
            if (bind(running)) {
                return running;
            }
            bound = (EventLoop) LOOP.getAcquire(this);
        }
        if (running != bound) {
            throw new IllegalStateException(primitive + " is bound to a different event loop ("
                    + bound + "), not to the one running on thread '"
                    + Thread.currentThread().getName() + "': a primitive serves one loop; "
                    + "create a new one for each Weft.run");
        }
        return running;
    }

    private void checkSlowly(Object primitive, EventLoop l) {
        Thread me = Thread.currentThread();
        if (l == null) {
            EventLoop running = runningLoop();
            if (running != null) {
                if (!bind(running)) { // another loop's thread bound it first
                    checkSlowly(primitive, (EventLoop) LOOP.getAcquire(this));
                }
            } else if (me != creator) {
                throw new IllegalStateException(primitive + " used from thread '" + me.getName()
                        + "' before any event loop used it: until then only its creator, thread '"
                        + creator.getName() + "', may use it");
            }
            return;
        }
        Thread owner = BRIDGE.owner(l);
        if (owner != me) {
            throw new IllegalStateException(primitive + " belongs to the event loop of thread '"
                    + owner.getName() + "' but was used from thread '" + me.getName() + "'"
                    + (runningLoop() != null ? ", which runs another loop" : "")
                    + ": use it on its loop's thread (hand calls over with loop.callSoonThreadsafe)");
        }
        if (l.isClosed()) {
            // The loop's own wording, as every loop method on a closed loop says it.
            throw new IllegalStateException("event loop is closed");
        }
        // else the loop came to this thread between the two reads of its owner: fine
    }

    /** Binds to {@code running} unless some loop was bound first; whether this call bound it. */
    private boolean bind(EventLoop running) {
        return LOOP.compareAndSet(this, (EventLoop) null, running);
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
