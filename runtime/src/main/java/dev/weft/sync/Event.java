package dev.weft.sync;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.primitives.LoopBinding;
import dev.weft.internal.primitives.WaiterList;

/**
 * A flag that coroutines can wait for: asyncio's {@code Event}. {@link #set()} wakes every task
 * waiting in {@link #untilSet()}; while the flag is set, waiting returns at once;
 * {@link #clear()} lowers it again.
 *
 * <p>A {@code set()} wakes the tasks that wait at that moment for good: they resume even if the
 * flag is cleared again before they run (they were woken by the set, not by a later look at the
 * flag). Waiters resume in the order they started waiting. A cancelled waiter just leaves; an
 * event has nothing to hand on.
 *
 * <p>Loop binding and threading: binds to the event loop running on the thread that first uses
 * it (it may be created anywhere, before any loop exists); once bound, every method must be
 * called on that loop's thread, and a call from another thread fails with
 * {@link IllegalStateException} and changes nothing. To set an event from another thread, post
 * it: {@code loop.callSoonThreadsafe(event::set)}. {@link #toString()} works on any thread.
 * Null policy: nothing here takes or returns null, except the {@code Void} value of
 * {@link #untilSet()}.
 */
public final class Event {
    private final LoopBinding binding = new LoopBinding();
    private final WaiterList<SyncWaiter> waiters = new WaiterList<>();
    private final Coroutine<Void> untilSet = new UntilSet();
    /** Plain waiters that say, in task dumps, which event they wait for. */
    private final WaitPolicy waitPolicy = WaitPolicy.plain(() -> "Event.untilSet() on " + this);
    private boolean set;

    /** Creates an event whose flag is not set, bound to no loop yet. */
    public Event() {
    }

    /**
     * Sets the flag and wakes every task waiting for it, in the order they began to wait; they
     * resume on a later loop iteration. Setting a set event does nothing.
     *
     * @throws IllegalStateException if called on a thread other than the event's loop's
     */
    public void set() {
        binding.check(this);
        if (set) {
            return;
        }
        set = true;
        for (SyncWaiter w = waiters.pollFirst(); w != null; w = waiters.pollFirst()) {
            w.setResult(null);
        }
    }

    /**
     * Lowers the flag; tasks that wait from now on wait for the next {@link #set()}. Tasks that
     * a set already woke still resume.
     *
     * @throws IllegalStateException if called on a thread other than the event's loop's
     */
    public void clear() {
        binding.check(this);
        set = false;
    }

    /**
     * Whether the flag is set (asyncio's {@code is_set()}).
     *
     * @throws IllegalStateException if called on a thread other than the event's loop's
     */
    public boolean isSet() {
        binding.check(this);
        return set;
    }

    /**
     * A coroutine that waits until the flag is set (asyncio's {@code wait()}, which Java's
     * {@code Object.wait} keeps from being the name): returns at once, without suspending, if it
     * is set now. The same object is returned every time and may be awaited any number of times.
     */
    public Coroutine<Void> untilSet() {
        return untilSet;
    }

    /** asyncio's repr: {@code <Event [set]>}, {@code <Event [unset, waiters:2]>}. */
    @Override
    public String toString() {
        int n = waiters.size();
        return "<Event [" + (set ? "set" : "unset") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }

    /** What {@link #untilSet()} returns. */
    private final class UntilSet implements Coroutine<Void>, Awaitable {
        @Override
        public Object awaitFrom(Frame caller) {
            binding.check(Event.this);
            if (set) {
                return null;
            }
            SyncWaiter w = new SyncWaiter(binding.loopToWaitOn(Event.this), waitPolicy, null);
            waiters.addLast(w);
            return w.awaitFrom(caller);
        }

        @Override
        public String toString() {
            return "Event.untilSet()";
        }
    }
}
