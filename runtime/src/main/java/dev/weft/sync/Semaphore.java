package dev.weft.sync;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.primitives.LoopBinding;
import dev.weft.internal.primitives.WaiterList;

/**
 * A counter of permits that coroutines acquire and release: asyncio's {@code Semaphore}.
 * {@code acquire} takes a permit, waiting while there is none; {@code release} gives one back.
 *
 * <pre>{@code
 * try (Held permit = Weft.await(semaphore.hold())) {
 *     ... // at most `value` tasks at a time in here
 * }
 * }</pre>
 *
 * <p>Loop binding and threading: binds to the event loop running on the thread that first uses
 * it (it may be created anywhere, before any loop exists); once bound, every method must be
 * called on that loop's thread, and a call from another thread fails with
 * {@link IllegalStateException} and changes nothing. {@link #toString()} works on any thread.
 * Null policy: nothing here takes or returns null, except the {@code Void} value of
 * {@link #acquire()}.
 */
public sealed class Semaphore permits BoundedSemaphore {
    /*
     * Implementation overview. A count of free permits and a FIFO of SyncWaiters. An
     * acquire that finds a free permit takes it without suspending or allocating. A release
     * with waiters hands its permit directly to the first one (the count does not change), so a
     * newcomer never takes a permit from under a woken waiter: it queues whenever anyone is queued,
     * as asyncio's fixed semaphore does (its first versions let a newcomer take the permit of a
     * woken waiter); here a positive count even implies an empty queue.
     * A cancelled waiter leaves the queue; a waiter that was handed a permit and is cancelled before
     * its task ran hands the permit on, so no permit is ever lost.
     */

    private final LoopBinding binding = new LoopBinding();
    private final WaiterList<SyncWaiter> waiters = new WaiterList<>();
    private final WaitPolicy acquirers = new Acquirers();
    private final Runnable releaser = this::release;
    private final Coroutine<Void> acquire = new Acquire<>(false);
    private final Coroutine<Held> hold = new Acquire<>(true);
    /** The most permits a release may leave free, or -1 for no bound. */
    private final int bound;
    private int value;
    /**
     * Permits handed to woken waiters whose tasks have not resumed yet: counted with the free
     * ones by a {@link BoundedSemaphore}'s over-release check, as asyncio's counter counts them.
     */
    private int inFlight;

    /**
     * Creates a semaphore with {@code value} free permits, bound to no loop yet.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        this(value, false);
    }

    Semaphore(int value, boolean bounded) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0, not " + value);
        }
        this.value = value;
        this.bound = bounded ? value : -1;
    }

    /**
     * A coroutine that takes a permit: {@code Weft.await(semaphore.acquire())} returns at once,
     * without suspending, if a permit is free and nobody is queued, else once the permit the
     * waiters queued before it got has come round to it. If the waiting task is cancelled it
     * gets no permit and the await throws {@code CancelledError}. The same object is returned
     * every time and may be awaited any number of times.
     */
    public Coroutine<Void> acquire() {
        return acquire;
    }

    /**
     * A coroutine that takes a permit like {@link #acquire()} and completes with a {@link Held}
     * whose {@code close()} gives it back: asyncio's {@code async with semaphore:}.
     */
    public Coroutine<Held> hold() {
        return hold;
    }

    /**
     * Gives a permit back: to the first waiter if any (it resumes on a later loop iteration),
     * else to the free count. Any task may release, not only one that acquired.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore}, if this release would leave
     *     more permits free than it started with; if the count would overflow an {@code int};
     *     or if called on a thread other than the semaphore's loop's. Nothing changes then.
     */
    public void release() {
        binding.check(this);
        if (bound >= 0 && value + inFlight >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times: all "
                    + bound + " permits are already free" + (inFlight > 0 ? " or handed to woken "
                    + "waiters that have not run yet" : "") + " (" + this + ")");
        }
        if (waiters.isEmpty()) {
            if (value == Integer.MAX_VALUE) {
                throw new IllegalStateException("Semaphore value would overflow: " + this);
            }
        }
        handOff();
    }

    /**
     * Whether an {@code acquire} now would have to wait: no permit is free.
     *
     * @throws IllegalStateException if called on a thread other than the semaphore's loop's
     */
    public boolean locked() {
        binding.check(this);
        return value == 0;
    }

    /**
     * The number of free permits (asyncio's private {@code _value}); zero while anyone waits.
     *
     * @throws IllegalStateException if called on a thread other than the semaphore's loop's
     */
    public int availablePermits() {
        binding.check(this);
        return value;
    }

    /** A permit is being given back: to the first waiter, else to the free count. */
    private void handOff() {
        SyncWaiter w = waiters.pollFirst();
        if (w != null) {
            inFlight++;
            w.policy.grant(w);
        } else {
            value++;
        }
    }

    private Object acquireFrom(Frame caller, boolean scoped) {
        binding.check(this);
        if (value > 0) { // then nobody is queued: a release with waiters hands its permit over
            value--;
            return scoped ? new HeldToken(releaser) : null;
        }
        SyncWaiter w = new SyncWaiter(binding.loopToWaitOn(this), acquirers,
                scoped ? new HeldToken(releaser) : null);
        waiters.addLast(w);
        return w.awaitFrom(caller);
    }

    /** asyncio's repr: {@code <Semaphore [unlocked, value:2]>}, {@code <Semaphore [locked, waiters:1]>}. */
    @Override
    public String toString() {
        int n = waiters.size();
        String state = value == 0 ? "locked" : "unlocked, value:" + value;
        return "<" + getClass().getSimpleName() + " [" + state + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /** The waiters of {@link #acquire()} and {@link #hold()}. */
    private final class Acquirers extends WaitPolicy {
        /** A permit was handed to {@code w}, whose task will not have it: pass it on. */
        @Override
        void forfeit(SyncWaiter w) {
            inFlight--;
            handOff();
        }

        /** The permit reached its task. */
        @Override
        void taken(SyncWaiter w) {
            inFlight--;
        }

        @Override
        String describe() {
            return Semaphore.this.getClass().getSimpleName() + ".acquire() on " + Semaphore.this;
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
            return scoped ? "Semaphore.hold()" : "Semaphore.acquire()";
        }
    }
}
