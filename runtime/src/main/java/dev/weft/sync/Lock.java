package dev.weft.sync;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.primitives.LoopBinding;
import dev.weft.internal.primitives.WaiterList;

/**
 * A mutual-exclusion lock for coroutines: asyncio's {@code Lock}. At most one holder at a time;
 * the others wait, in the order they asked.
 *
 * <pre>{@code
 * Weft.await(lock.acquire());
 * try {
 *     ...
 * } finally {
 *     lock.release();
 * }
 * // or, as asyncio's "async with lock:"
 * try (Held held = Weft.await(lock.hold())) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Differences from asyncio, all consequences of the direct hand-off: {@link #locked()} stays
 * true between a release and the moment the woken waiter runs (asyncio briefly reports false);
 * and a cancellation that is withdrawn with {@link dev.weft.Task#uncancel()} after the lock was
 * handed to the cancelled task, but before that task ran, does not win the lock back: the lock
 * has gone on to the next waiter, and the task still gets its {@code CancelledError} at the
 * await (asyncio would let it keep the lock there). Either way the lock has one owner.
 *
 * <p>Any task may release the lock, not only the one that acquired it (as in asyncio).
 *
 * <p>To bound the wait, use {@code Weft.await(Weft.waitFor(lock.acquire(), d))} or
 * {@code Weft.await(Weft.timeout(d).run(lock.acquire()))}: both wait in the calling task, so a
 * cancellation or timeout that overtakes a hand-off reaches this lock's waiter, which passes the
 * lock on. The same holds for every primitive here.
 *
 * <p>Loop binding and threading: a lock binds to the event loop running on the thread that first
 * uses it, as asyncio's primitives do; it may be created anywhere, before any loop exists. Once
 * bound, every method must be called on that loop's thread (a call from another thread fails
 * with {@link IllegalStateException} and changes nothing), and it can be waited on only from
 * tasks of that loop. {@link #toString()} works on any thread. Null policy: no method takes or
 * returns null, except the {@code Void} value of {@link #acquire()}.
 */
public final class Lock {
    /*
     * Implementation overview. The lock is a flag and a FIFO of SyncWaiters. An uncontended
     * acquire sets the flag and returns without suspending or allocating. A contended one
     * queues one waiter (a future) and suspends on it. release() hands the lock directly
     * to the first waiter: the flag stays set and the waiter's future is completed, so the lock
     * already belongs to the woken task when it runs. That is what makes the lock fair: a task that
     * calls acquire after a release finds the lock taken and queues behind the woken waiter
     * (no barging). Cancellation never loses the lock: a cancelled waiter leaves the queue; a waiter
     * that was handed the lock and is cancelled before its task ran hands it on to the next waiter
     * (or unlocks it). The unlocked lock therefore never has waiters.
     */

    private final LoopBinding binding = new LoopBinding();
    private final WaiterList<SyncWaiter> waiters = new WaiterList<>();
    private final WaitPolicy acquirers = new Acquirers();
    private final Runnable releaser = this::release;
    private final Coroutine<Void> acquire = new Acquire<>(false);
    private final Coroutine<Held> hold = new Acquire<>(true);
    private boolean locked;
    /**
     * The waiter the lock was last handed to, until its task takes it: lets a forfeiting waiter
     * tell whether the lock is still its own to pass on, and a release in between be refused.
     */
    private SyncWaiter handedTo;

    /** Creates an unlocked lock, bound to no loop yet. */
    public Lock() {
    }

    /**
     * A coroutine that acquires the lock: {@code Weft.await(lock.acquire())} returns once the
     * caller holds it, at once if the lock is free (without suspending), else after the waiters
     * queued before it. If the waiting task is cancelled, it does not get the lock and the await
     * throws {@code CancelledError}. The same object is returned every time; awaiting it again
     * acquires again (the lock is not reentrant: a holder that acquires again waits for itself).
     */
    public Coroutine<Void> acquire() {
        return acquire;
    }

    /**
     * A coroutine that acquires the lock like {@link #acquire()} and completes with a {@link Held}
     * whose {@code close()} releases it: use it in a try-with-resources block, the Java form of
     * asyncio's {@code async with lock:}. See {@link Held}.
     */
    public Coroutine<Held> hold() {
        return hold;
    }

    /**
     * Releases the lock: it passes to the first waiter, if any (which resumes on a later loop
     * iteration), else it becomes free.
     *
     * @throws IllegalStateException if the lock is not locked (asyncio's {@code RuntimeError}),
     *     or was just handed to a waiting task that has not run yet (so nobody holds it to
     *     release it: a second release of the same acquire), or if called on a thread other than
     *     its loop's; the lock is unchanged then
     */
    public void release() {
        binding.check(this);
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired: release() without a matching "
                    + "acquire() (" + this + ")");
        }
        if (inFlight()) {
            throw new IllegalStateException("Lock is not acquired: it was handed to a waiting task "
                    + "that has not run yet, so this release() is one too many (" + this + ")");
        }
        handedTo = null;
        handOff();
    }

    /** Whether the lock was handed to a waiter whose task has not resumed yet. */
    boolean inFlight() {
        return handedTo != null && handedTo.inFlight();
    }

    /**
     * Whether the lock is held, by a running task or by a woken waiter that has not run yet.
     *
     * @throws IllegalStateException if called on a thread other than the lock's loop's
     */
    public boolean locked() {
        binding.check(this);
        return locked;
    }

    // ---- for Condition, which waits on this lock ------------------------------------------------

    LoopBinding binding() {
        return binding;
    }

    /** {@link #locked()} without the thread check, for a caller that made it already. */
    boolean isLocked() {
        return locked;
    }

    /**
     * Queues {@code w} for the lock behind the other waiters; when the lock is free, grants it
     * at once (its policy may then decline it, and the lock is offered further).
     */
    void admit(SyncWaiter w) {
        waiters.addLast(w);
        if (!locked) {
            locked = true;
            handOff();
        }
    }

    // ---- the algorithm ------------------------------------------------------------------------

    /** The lock is being given up: hand it to the first waiter that takes it, else unlock. */
    private void handOff() {
        for (SyncWaiter w = waiters.pollFirst(); w != null; w = waiters.pollFirst()) {
            if (w.policy.grant(w)) {
                handedTo = w;
                return;
            }
        }
        locked = false;
    }

    private Object acquireFrom(Frame caller, boolean scoped) {
        binding.check(this);
        if (!locked) {
            locked = true; // the fast path: no waiter, no suspension
            return scoped ? new HeldToken(releaser) : null;
        }
        SyncWaiter w = new SyncWaiter(binding.loopToWaitOn(this), acquirers,
                scoped ? new HeldToken(releaser) : null);
        waiters.addLast(w);
        return w.awaitFrom(caller);
    }

    /** asyncio's repr: {@code <Lock [unlocked]>}, {@code <Lock [locked, waiters:2]>}. */
    @Override
    public String toString() {
        int n = waiters.size();
        return "<Lock [" + (locked ? "locked" : "unlocked") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /** The waiters of {@link #acquire()} and {@link #hold()}. */
    private final class Acquirers extends WaitPolicy {
        /** The lock was handed to {@code w}, whose task will not have it: pass it on. */
        @Override
        void forfeit(SyncWaiter w) {
            if (handedTo == w) {
                handedTo = null;
                handOff();
            }
        }

        /** Held now by a running task: the hand-off is over (and {@code w} is not kept alive). */
        @Override
        void taken(SyncWaiter w) {
            tookOver(w);
        }

        @Override
        String describe() {
            return "Lock.acquire() on " + Lock.this;
        }
    }

    /** {@code w}'s task resumed holding the lock; called by every policy whose waiters get it. */
    void tookOver(SyncWaiter w) {
        if (handedTo == w) {
            handedTo = null;
        }
    }

    /** What {@link #acquire()} and {@link #hold()} return: stateless, awaited any number of times. */
    private final class Acquire<T> implements Coroutine<T>, Awaitable {
        private final boolean scoped;

        Acquire(boolean scoped) {
            this.scoped = scoped;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            return acquireFrom(caller, scoped);
        }

        @Override
        public String toString() {
            return scoped ? "Lock.hold()" : "Lock.acquire()";
        }
    }
}
