package dev.weft.sync;

import dev.weft.CancelledError;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.FutureAccess;
import dev.weft.internal.Sneaky;
import dev.weft.internal.WaitDescription;
import dev.weft.internal.primitives.WaiterList;
import java.util.function.BooleanSupplier;

/**
 * One task waiting on a synchronisation primitive: the future the task suspends on, and at the
 * same time its node in the primitive's {@link WaiterList}. The only object a waiting
 * {@code acquire()} allocates ({@code hold()} adds its {@link Held} token).
 *
 * <p>Threading: confined to the primitive's loop thread.
 */
final class SyncWaiter extends Future<Object>
        implements WaiterList.Node<SyncWaiter>, FutureAccess.Source, WaitDescription {
    /*
     * Implementation overview. Ownership is handed over directly: a release takes the first
     * waiter out of the queue and completes it (through its WaitPolicy), so the lock or
     * permit already belongs to the woken task before it runs, and a newcomer finds it taken and
     * queues behind. Cancellation reaches the waiter because a dev.weft.Task cancels the
     * future it is suspended on; this class overrides cancel() to tell the policy:
     * - still pending: the policy takes it out of its queue and it is cancelled, or the policy
     *   keeps it pending to complete it later (a condition's waiter re-acquires its lock first
     *   and then fails with CancelledError);
     * - already granted (grantDeferred), its task not yet run: the policy passes the
     *   grant on at once (WaitPolicy.forfeit), exactly once, and the task gets a
     *   CancelledError at its await instead of the grant. The grant is a deferred
     *   result (FutureAccess), read only when the task resumes (take), so that
     *   outcome is fixed at the forfeit: a cancellation withdrawn with Task.uncancel()
     *   before the task runs cannot make the task resume as the owner of a lock that has
     *   already gone to the next waiter.
     * The waiter is never handed to application code, so its cancel is called by the
     * waiting task only.
     */

    /*
     * State table. The future's own state (pending or done) and five flag bits say where a
     * waiter is; "-" is clear, "x" set. GRANTED, TAKEN and FORFEITED belong to every waiter:
     *
     *   future   GRANTED TAKEN FORFEITED  meaning
     *   pending     -      -      -       queued on its primitive's list (a condition's waiter:
     *                                     on the condition's or, once signalled, the lock's);
     *                                     cancel() asks the policy (cancelPending)
     *   done        -      -      -       completed plainly (an Event's or Barrier's waiter):
     *                                     nothing to give back, cancel() answers false
     *   done        x      -      -       in flight: granted, its task not resumed yet; the lock
     *                                     or permit is already its own; cancel() forfeits it
     *   done        x      -      x       forfeited: the grant went on to the next waiter;
     *                                     take() will throw CancelledError
     *   done        x      x      -       taken: the task resumed with the grant (or the failure
     *                                     it was granted with); a lock is really held now
     *   done        x      x      x       taken after a forfeit: the task got CancelledError
     *
     * A granted waiter with a failure (failDeferred) is in flight like any other; cancelling it
     * only turns the failure into a CancelledError. NOTIFIED and CANCEL_REQUESTED are a
     * condition's waiter's, while it is pending:
     *
     *   NOTIFIED CANCEL_REQUESTED  meaning
     *      -           -           on the condition's list, waiting for a signal
     *      x           -           signalled: on the lock's list, waiting for the lock
     *      -           x           cancelled before any signal: moved to the lock's list; fails
     *                              with CancelledError once it holds the lock again
     *      x           x           signalled, then cancelled: the signal went on to the next
     *                              waiter; fails with CancelledError once it holds the lock
     *
     * A predicate found false when the lock reaches the waiter clears NOTIFIED and puts the
     * waiter back on the condition's list, its future still pending.
     */

    private static final byte FORFEITED = 1;
    /** A condition's waiter that was signalled (it now waits for the lock). */
    static final byte NOTIFIED = 2;
    /** A condition's waiter whose task was cancelled; it fails once it has the lock again. */
    static final byte CANCEL_REQUESTED = 4;
    /** Completed by {@link #grantDeferred} or {@link #failDeferred}: its outcome is read by {@link #take}. */
    private static final byte GRANTED = 8;
    /** Its task has resumed and read the outcome: a lock handed to it is really held now. */
    private static final byte TAKEN = 16;

    private static final FutureAccess HOOKS = FutureAccess.get();

    final WaitPolicy policy;
    /** What the waiter completes with when granted: null, a {@link Held} token, an index. */
    Object grant;
    /**
     * The exception a waiter that was handed the lock anyway ends with (a condition's waiter that
     * was cancelled, or whose predicate threw); null for a plain grant.
     */
    private Throwable failure;
    /** A condition's predicate, tested each time the waiter is given the lock; else null. */
    BooleanSupplier predicate;
    /** The message of a cancellation a condition's waiter delivers once it has the lock. */
    String cancelMessage;
    byte flags;

    // The links of the WaiterList this waiter is on; only the list reads and writes them.
    private WaiterList<SyncWaiter> list;
    private SyncWaiter prev;
    private SyncWaiter next;

    SyncWaiter(EventLoop loop, WaitPolicy policy, Object grant) {
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
     * Completes this waiter with its {@link #grant}, read when its task resumes; the way a
     * policy hands over something a cancellation must be able to give back.
     */
    void grantDeferred() {
        set(GRANTED);
        if (!HOOKS.completeDeferred(this, this)) {
            // A primitive only grants waiters it took out of its queue, which are pending.
            throw new IllegalStateException("weft bug: granted a waiter that was already done");
        }
    }

    /**
     * Like {@link #grantDeferred}, for a waiter handed a lock that it must hold when its task
     * resumes, but that then fails with {@code error} (a condition's wait that was cancelled, or
     * whose predicate threw): the failure, too, is read only when the task resumes, so the
     * lock's hand-off is settled the same way for every waiter.
     */
    void failDeferred(Throwable error) {
        failure = error;
        grantDeferred();
    }

    /**
     * Whether this waiter was handed something that its task has not taken yet: the window in
     * which nobody may act as the lock's owner.
     */
    boolean inFlight() {
        return has(GRANTED) && !has(TAKEN) && !has(FORFEITED);
    }

    /**
     * What the resuming task gets: the grant, the failure it was granted with, or a
     * {@code CancelledError} once forfeited.
     */
    @Override
    public Object take() {
        set(TAKEN);
        if (has(FORFEITED)) {
            policy.takenForfeited(this);
            throw new CancelledError(cancelMessage);
        }
        policy.taken(this);
        if (failure != null) {
            throw Sneaky.<RuntimeException>raise(failure);
        }
        return grant;
    }

    /**
     * Called by the task waiting on this future when it is cancelled; see the class comment.
     *
     * @return true if the task will be woken by this future and get a {@code CancelledError}
     *     from it (the usual meaning of a successful cancel, also after a forfeited grant);
     *     false if the waiter was done otherwise, in which case the task delivers the
     *     cancellation at its next step itself
     */
    @Override
    public boolean cancel(String msg) {
        if (!done()) {
            return policy.cancelPending(this, msg) || super.cancel(msg);
        }
        if (!has(GRANTED) || has(TAKEN)) {
            return false; // an Event's or Barrier's waiter: nothing to give back
        }
        if (failure != null) {
            // It holds the lock and fails anyway; a cancellation makes that a CancelledError.
            if (!(failure instanceof CancelledError)) {
                failure = new CancelledError(msg);
            }
        } else if (!has(FORFEITED)) {
            set(FORFEITED);
            cancelMessage = msg;
            policy.forfeit(this);
        }
        return true; // its task resumes through take(), which throws the CancelledError
    }

    @Override
    public SyncWaiter prevWaiter() {
        return prev;
    }

    @Override
    public void prevWaiter(SyncWaiter w) {
        prev = w;
    }

    @Override
    public SyncWaiter nextWaiter() {
        return next;
    }

    @Override
    public void nextWaiter(SyncWaiter w) {
        next = w;
    }

    /** The list this waiter is on: its primitive's, its lock's (a signalled one), or null. */
    @Override
    public WaiterList<SyncWaiter> list() {
        return list;
    }

    @Override
    public void list(WaiterList<SyncWaiter> list) {
        this.list = list;
    }

    /** What this waiter waits for, as its primitive says: {@code Lock.acquire() on <Lock ...>}. */
    @Override
    public String describeWait() {
        return policy.describe();
    }

    @Override
    public String toString() {
        return "<SyncWaiter " + (done() ? "granted" : "pending") + ">";
    }
}
