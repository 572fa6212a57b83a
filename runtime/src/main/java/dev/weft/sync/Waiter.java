package dev.weft.sync;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.primitives.WaiterList;
import java.util.function.BooleanSupplier;

/**
 * One task waiting on a synchronisation primitive: the future the task suspends on, and at the
 * same time its node in the primitive's {@link WaiterList}. The only object a waiting
 * {@code acquire()} allocates ({@code hold()} adds its {@link Held} token).
 *
 * <p>Implementation overview. Ownership is handed over directly: a release takes the first
 * waiter out of the queue and completes it (through its {@link WaitPolicy}), so the lock or
 * permit already belongs to the woken task before it runs, and a newcomer finds it taken and
 * queues behind. Cancellation reaches the waiter because a {@link dev.weft.Task} cancels the
 * future it is suspended on; this class overrides {@link #cancel(String)} to tell the policy:
 * <ul>
 *   <li>still pending: the policy takes it out of its queue and it is cancelled, or the policy
 *       keeps it pending to complete it later (a condition's waiter re-acquires its lock first
 *       and then fails with {@code CancelledError});
 *   <li>already granted, its task not yet run: the task will get a {@code CancelledError} at
 *       its await instead of the grant (the task marks the cancellation for its next step), so
 *       the policy passes the grant on ({@link WaitPolicy#forfeit}), once.
 * </ul>
 * The waiter is never handed to application code, so its {@code cancel} is called by the
 * waiting task only.
 *
 * <p>Threading: confined to the primitive's loop thread.
 */
final class Waiter extends Future<Object> implements WaiterList.Node<Waiter> {
    private static final byte FORFEITED = 1;
    /** A condition's waiter that was signalled (it now waits for the lock). */
    static final byte NOTIFIED = 2;
    /** A condition's waiter whose task was cancelled; it fails once it has the lock again. */
    static final byte CANCEL_REQUESTED = 4;

    final WaitPolicy policy;
    /** What the waiter completes with when granted: null, a {@link Held} token, an index. */
    Object grant;
    /** A condition's predicate, tested each time the waiter is given the lock; else null. */
    BooleanSupplier predicate;
    /** The message of a cancellation a condition's waiter delivers once it has the lock. */
    String cancelMessage;
    byte flags;

    // The links of the WaiterList this waiter is on; only the list reads and writes them.
    private WaiterList<Waiter> list;
    private Waiter prev;
    private Waiter next;

    Waiter(EventLoop loop, WaitPolicy policy, Object grant) {
        super(loop);
        this.policy = policy;
        this.grant = grant;
    }

    boolean has(byte flag) {
        return (flags & flag) != 0;
    }

    void set(byte flag) {
        flags |= flag;
    }

    void unset(byte flag) {
        flags &= ~flag;
    }

    /**
     * Called by the task waiting on this future when it is cancelled; see the class comment.
     *
     * @return true if the task will be woken by this future's completion (the usual meaning of
     *     a successful cancel); false if the waiter was already granted, in which case the task
     *     delivers the cancellation at its next step itself
     */
    @Override
    public boolean cancel(String msg) {
        if (!done()) {
            return policy.cancelPending(this, msg) || super.cancel(msg);
        }
        if (!has(FORFEITED) && !cancelled() && exception() == null) {
            set(FORFEITED);
            policy.forfeit(this);
        }
        return false;
    }

    @Override
    public Waiter prevWaiter() {
        return prev;
    }

    @Override
    public void prevWaiter(Waiter w) {
        prev = w;
    }

    @Override
    public Waiter nextWaiter() {
        return next;
    }

    @Override
    public void nextWaiter(Waiter w) {
        next = w;
    }

    /** The list this waiter is on: its primitive's, its lock's (a signalled one), or null. */
    @Override
    public WaiterList<Waiter> list() {
        return list;
    }

    @Override
    public void list(WaiterList<Waiter> list) {
        this.list = list;
    }

    @Override
    public String toString() {
        return "<Waiter " + (done() ? "granted" : "pending") + ">";
    }
}
