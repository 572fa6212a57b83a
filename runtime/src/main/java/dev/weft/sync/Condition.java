package dev.weft.sync;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.primitives.LoopBinding;
import dev.weft.internal.primitives.WaiterList;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for coroutines: asyncio's {@code Condition}. Tasks holding its lock wait
 * in {@link #untilNotified()} or {@link #until(BooleanSupplier)} until another task, holding the
 * lock too, signals them; a waiter gives the lock up while it waits and holds it again when it
 * resumes.
 *
 * <pre>{@code
 * try (Held held = Weft.await(condition.hold())) {
 *     Weft.await(condition.until(() -> !queue.isEmpty()));
 *     item = queue.remove();
 * }
 * }</pre>
 *
 * <p>asyncio's names {@code wait}, {@code wait_for}, {@code notify} and {@code notify_all} are
 * {@code final} methods of every Java object, hence {@code untilNotified}, {@code until},
 * {@code signal} and {@code signalAll}.
 *
 * <p>The predicate of {@code until} is tested whenever the lock is handed to its waiter, not when
 * the waiter's task runs: it may therefore run during another task's {@code release()} or
 * {@code signal()}, always on the loop thread and always while the lock belongs to the waiter; an
 * exception it throws is rethrown by that waiter's await, with the lock held.
 *
 * <p>Several conditions may share one {@link Lock}. Loop binding and threading: a condition
 * follows its lock, which binds to the event loop running on the thread that first uses it;
 * every method must then be called on that loop's thread, and a call from another thread fails
 * with {@link IllegalStateException} and changes nothing. {@link #toString()} works on any
 * thread. Null policy: null arguments are rejected with {@link NullPointerException}.
 */
public final class Condition {
    /*
     * Implementation overview. Waiters queue FIFO on the condition. A signal does not wake a
     * waiter directly: it moves it into the lock's own FIFO of waiters (the waiter object and its
     * future stay the same), so the waiter's task is woken exactly once, when the lock is handed to
     * it, and resumes holding the lock. until() tests its predicate each time
     * the lock is handed to its waiter; while the predicate is false the waiter goes back to the
     * condition's queue at once, without waking its task (asyncio's wait_for loop, with the
     * predicate tested in the same state). A cancelled waiter, as in asyncio, still re-acquires the
     * lock before its await throws CancelledError: it leaves the condition's queue for the
     * lock's. A waiter that was already signalled when it is cancelled (waiting for the lock, or even
     * handed it but not run yet) passes the signal on to the next waiter, so no signal is lost.
     */

    private final Lock lock;
    private final WaiterList<SyncWaiter> waiters = new WaiterList<>();
    private final WaitPolicy policy = new Waiters();
    private final Coroutine<Void> untilNotified = new Wait(null);

    /** Creates a condition with a new lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * Creates a condition over {@code lock}, which other code (and other conditions) may use
     * too; the condition's {@code acquire}/{@code release} are the lock's.
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** Acquires the condition's lock; see {@link Lock#acquire()}. */
    public Coroutine<Void> acquire() {
        return lock.acquire();
    }

    /** Acquires the condition's lock for a try-with-resources block; see {@link Lock#hold()}. */
    public Coroutine<Held> hold() {
        return lock.hold();
    }

    /** Releases the condition's lock; see {@link Lock#release()}. */
    public void release() {
        lock.release();
    }

    /** Whether the condition's lock is held; see {@link Lock#locked()}. */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * A coroutine that waits to be signalled (asyncio's {@code wait()}): releases the lock, which
     * the caller must hold, waits for a {@link #signal}, and returns holding the lock again. If
     * the task is cancelled meanwhile, it still re-acquires the lock, then the await throws
     * {@code CancelledError}. The same object is returned every time.
     *
     * <p>Awaiting it without holding the lock throws {@link IllegalStateException} at the await.
     */
    public Coroutine<Void> untilNotified() {
        return untilNotified;
    }

    /**
     * A coroutine that waits until {@code predicate} is true (asyncio's {@code wait_for}):
     * tests it at once, holding the lock, and returns without suspending if it is true; else
     * waits as {@link #untilNotified()} does, testing it again each time the waiter is signalled
     * and has the lock, until it is true. See the class comment for where the predicate runs.
     */
    public Coroutine<Void> until(BooleanSupplier predicate) {
        return new Wait(Objects.requireNonNull(predicate, "predicate"));
    }

    /** Wakes the longest-waiting task, if any; see {@link #signal(int)}. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, longest-waiting first (asyncio's {@code notify(n)});
     * each resumes once it has the lock, which the caller must release first.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if the lock is not held (asyncio's {@code RuntimeError}), or
     *     if called on a thread other than the condition's loop's; nothing is signalled then
     */
    public void signal(int n) {
        checkSignal("signal");
        if (n < 0) {
            throw new IllegalArgumentException("cannot signal a negative number of waiters: " + n);
        }
        notifyWaiters(n);
    }

    /** Wakes every waiting task (asyncio's {@code notify_all}); see {@link #signal(int)}. */
    public void signalAll() {
        checkSignal("signalAll");
        notifyWaiters(waiters.size());
    }

    private void checkSignal(String what) {
        lock.binding().check(this);
        if (!lock.isLocked() || lock.inFlight()) { // handed to a task not yet run: nobody holds it
            throw new IllegalStateException("cannot " + what + " on an un-acquired lock: acquire the "
                    + "condition's lock first (" + this + ")");
        }
    }

    /** Moves up to {@code n} waiters, first come first, into the lock's queue. */
    private void notifyWaiters(int n) {
        for (int i = 0; i < n; i++) {
            SyncWaiter w = waiters.pollFirst();
            if (w == null) {
                return;
            }
            w.set(SyncWaiter.NOTIFIED);
            lock.admit(w);
        }
    }

    private Object waitFrom(Frame caller, BooleanSupplier predicate) {
        LoopBinding binding = lock.binding();
        binding.check(this);
        if (!lock.isLocked() || lock.inFlight()) {
            throw new IllegalStateException("cannot wait on an un-acquired lock: acquire the "
                    + "condition's lock first (" + this + ")");
        }
        if (predicate != null && predicate.getAsBoolean()) {
            return null;
        }
        SyncWaiter w = new SyncWaiter(binding.loopToWaitOn(this), policy, null);
        w.predicate = predicate;
        waiters.addLast(w);
        lock.release();
        return w.awaitFrom(caller);
    }

    /** asyncio's repr: {@code <Condition [unlocked]>}, {@code <Condition [locked, waiters:2]>}. */
    @Override
    public String toString() {
        int n = waiters.size();
        return "<Condition [" + (lock.isLocked() ? "locked" : "unlocked")
                + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /** The condition's waiters, in its own queue or, once signalled or cancelled, in the lock's. */
    private final class Waiters extends WaitPolicy {
        @Override
        String describe() {
            return "Condition.untilNotified() on " + Condition.this;
        }

        /** The lock was handed to {@code w}: fail, test the predicate, or return. */
        @Override
        boolean grant(SyncWaiter w) {
            if (w.has(SyncWaiter.CANCEL_REQUESTED)) {
                w.failDeferred(new CancelledError(w.cancelMessage));
                return true;
            }
            BooleanSupplier p = w.predicate;
            if (p != null) {
                boolean ok;
                try {
                    ok = p.getAsBoolean();
                } catch (Throwable t) { // the waiter's own error: rethrown at its await
                    w.failDeferred(t);
                    return true;
                }
                if (w.has(SyncWaiter.CANCEL_REQUESTED)) { // the predicate cancelled the waiter's task
                    w.failDeferred(new CancelledError(w.cancelMessage));
                    return true;
                }
                if (!ok) {
                    w.unset(SyncWaiter.NOTIFIED);
                    waiters.addLast(w); // waits again, at the back, without waking its task
                    return false;
                }
            }
            w.grantDeferred();
            return true;
        }

        /** Cancelled while pending: re-acquire the lock first, and hand on a signal it got. */
        @Override
        boolean cancelPending(SyncWaiter w, String msg) {
            if (w.has(SyncWaiter.CANCEL_REQUESTED)) {
                return true; // already on its way to the lock
            }
            w.set(SyncWaiter.CANCEL_REQUESTED);
            w.cancelMessage = msg;
            if (w.list() == waiters) {
                waiters.remove(w);
                lock.admit(w);
            } else if (w.has(SyncWaiter.NOTIFIED)) {
                notifyWaiters(1);
            }
            return true;
        }

        /**
         * Handed the lock after a signal, then cancelled: the signal goes to the next waiter; the
         * lock stays with {@code w}, whose wait ends holding it, with a {@code CancelledError}.
         */
        @Override
        void forfeit(SyncWaiter w) {
            notifyWaiters(1);
        }

        /** The waiter's task resumed holding the lock: the lock's hand-off is over. */
        @Override
        void taken(SyncWaiter w) {
            lock.tookOver(w);
        }

        @Override
        void takenForfeited(SyncWaiter w) {
            lock.tookOver(w);
        }
    }

    /** What {@link #untilNotified()} and {@link #until} return. */
    private final class Wait implements Coroutine<Void>, Awaitable {
        private final BooleanSupplier predicate;

        Wait(BooleanSupplier predicate) {
            this.predicate = predicate;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            return waitFrom(caller, predicate);
        }

        @Override
        public String toString() {
            return predicate == null ? "Condition.untilNotified()" : "Condition.until(" + predicate + ")";
        }
    }
}
