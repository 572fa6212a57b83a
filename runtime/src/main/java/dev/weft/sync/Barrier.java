package dev.weft.sync;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.primitives.LoopBinding;
import dev.weft.internal.primitives.WaiterList;

/**
 * A meeting point for a fixed number of tasks: asyncio's {@code Barrier}. Each task calls
 * {@link #arrive()} (asyncio's {@code wait()}) and waits until {@link #parties()} tasks have
 * arrived; then all of them go on, and the barrier is ready for the next round.
 *
 * <pre>{@code
 * int index = Weft.await(barrier.arrive()); // 0 for the first to arrive, parties - 1 for the last
 * if (index == 0) { ... }                   // one task of the round does the extra work
 * }</pre>
 *
 * <p>{@code reset()} and {@code abort()} are plain methods, not coroutines as in asyncio: they
 * never need to wait.
 *
 * <p>Loop binding and threading: binds to the event loop running on the thread that first uses
 * it (it may be created anywhere, before any loop exists); once bound, every method must be
 * called on that loop's thread, and a call from another thread fails with
 * {@link IllegalStateException} and changes nothing. {@link #toString()} works on any thread.
 * Null policy: nothing here takes or returns null.
 */
public final class Barrier {
    /*
     * Implementation overview. A FIFO of SyncWaiters, one per waiting task. The arrival that
     * completes the round does not suspend: it completes every waiter with its index (their tasks
     * resume in arrival order on later loop iterations), empties the queue for the next round, and
     * returns parties - 1. A cancelled waiter leaves the round, so the round needs one more
     * arrival; indices are positions in the round when it completes, so they stay 0 to
     * parties - 1 without gaps or repeats (asyncio counts arrivals instead and may repeat an
     * index after a cancellation). reset() and abort() fail the waiters with
     * BrokenBarrierError. Because waiters leave the barrier as soon as they are released,
     * there is no draining phase: an arrival right after a round completed, or after a reset,
     * starts the next round at once, where asyncio first waits for the released tasks to run.
     */

    private final LoopBinding binding = new LoopBinding();
    private final WaiterList<SyncWaiter> waiters = new WaiterList<>();
    private final Coroutine<Integer> arrive = new Arrive();
    /** Plain waiters that say, in task dumps, which barrier they wait at. */
    private final WaitPolicy waitPolicy = WaitPolicy.plain(() -> "Barrier.arrive() on " + this);
    private final int parties;
    private boolean broken;

    /**
     * Creates a barrier for {@code parties} tasks, bound to no loop yet.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("Barrier parties must be > 0, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * A coroutine that arrives at the barrier and waits for the round to complete; it completes
     * with the arrival's index in the round, from 0 to {@code parties() - 1}. The last arrival
     * completes the round and returns without suspending. If the waiting task is cancelled it
     * leaves the round. The same object is returned every time.
     *
     * <p>The await throws {@link BrokenBarrierError} if the barrier is broken when it arrives, or
     * is reset or aborted while it waits.
     */
    public Coroutine<Integer> arrive() {
        return arrive;
    }

    /**
     * Returns the barrier to its initial state: the tasks waiting now fail with
     * {@link BrokenBarrierError}, and a broken barrier is usable again.
     *
     * @throws IllegalStateException if called on a thread other than the barrier's loop's
     */
    public void reset() {
        binding.check(this);
        broken = false;
        failWaiters("the barrier was reset while this task waited at it");
    }

    /**
     * Breaks the barrier: the tasks waiting now, and every later {@code arrive} until a
     * {@link #reset()}, fail with {@link BrokenBarrierError}. Use it to stop a round that can
     * never complete, for example because a party failed.
     *
     * @throws IllegalStateException if called on a thread other than the barrier's loop's
     */
    public void abort() {
        binding.check(this);
        broken = true;
        failWaiters("the barrier was aborted");
    }

    /** The number of tasks a round needs. */
    public int parties() {
        binding.check(this);
        return parties;
    }

    /**
     * The number of tasks waiting in the current round (asyncio's {@code n_waiting}).
     *
     * @throws IllegalStateException if called on a thread other than the barrier's loop's
     */
    public int nWaiting() {
        binding.check(this);
        return waiters.size();
    }

    /**
     * Whether the barrier was aborted and not reset since.
     *
     * @throws IllegalStateException if called on a thread other than the barrier's loop's
     */
    public boolean broken() {
        binding.check(this);
        return broken;
    }

    private void failWaiters(String why) {
        for (SyncWaiter w = waiters.pollFirst(); w != null; w = waiters.pollFirst()) {
            w.setException(new BrokenBarrierError(why));
        }
    }

    private Object arriveFrom(Frame caller) {
        binding.check(this);
        if (broken) {
            throw new BrokenBarrierError("the barrier is broken: it was aborted (reset() repairs it)");
        }
        int index = waiters.size();
        if (index + 1 < parties) {
            SyncWaiter w = new SyncWaiter(binding.loopToWaitOn(this), waitPolicy, null);
            waiters.addLast(w);
            return w.awaitFrom(caller);
        }
        int i = 0;
        for (SyncWaiter w = waiters.pollFirst(); w != null; w = waiters.pollFirst()) {
            w.setResult(i++);
        }
        return index;
    }

    /** asyncio's repr: {@code <Barrier [filling, waiters:1/3]>}, {@code <Barrier [broken]>}. */
    @Override
    public String toString() {
        return "<Barrier [" + (broken ? "broken" : "filling, waiters:" + waiters.size() + "/" + parties) + "]>";
    }

    /** What {@link #arrive()} returns. */
    private final class Arrive implements Coroutine<Integer>, Awaitable {
        @Override
        public Object awaitFrom(Frame caller) {
            return arriveFrom(caller);
        }

        @Override
        public String toString() {
            return "Barrier.arrive()";
        }
    }
}
