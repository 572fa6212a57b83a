package dev.weft.queue;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.primitives.LoopBinding;
import java.util.Objects;

/**
 * A first-in, first-out queue for coroutines of one event loop: asyncio's {@code Queue}, fair and
 * cancellation-safe. {@code Weft.await(q.put(item))} waits while the queue is full (back
 * pressure), {@code T item = Weft.await(q.get())} while it is empty; {@link #taskDone()} and
 * {@link #join()} track the items still being worked on; {@link #shutdown(boolean)} ends it.
 *
 * <p>Fair and cancellation-safe: waiting getters and putters are served in the order they came,
 * and a task cancelled while it waits (by {@code task.cancel()}, {@code Weft.waitFor} or
 * {@code Weft.timeout}) never loses or duplicates an item: if it had been woken already, its
 * turn goes to the next waiter. How that works is in {@link QueueState}. {@code Weft.waitFor} and
 * {@code Weft.timeout} both run the wait in the caller's own task, so they are covered alike.
 *
 * <p>Cost: an operation that need not wait completes at once, without suspending and without a
 * future; {@code get()} and {@code join()} return one shared coroutine per queue, {@code put}
 * allocates one small coroutine holding the item. An operation that waits allocates its waiter
 * frame and one future.
 *
 * <p>Threading: a queue belongs to one event loop, bound on its first use in a running loop (see
 * {@link LoopBinding}); before that only the thread that made it may use it (to fill it before
 * {@code Weft.run}, say). Every method must be called on that loop's thread and fails with
 * {@link IllegalStateException} elsewhere, or once the loop is closed; a wait from another loop
 * of the same thread fails too. Null policy: null items
 * are rejected with {@link NullPointerException}, as {@code java.util.concurrent} queues do
 * (use a sentinel object or {@code Optional} for Python's {@code None} stop signal).
 *
 * @param <T> the type of the items
 */
public class Queue<T> {
    private static final int MAX_INITIAL_CAPACITY = 16;

    private final LoopBinding binding = new LoopBinding();
    /**
     * How the thread check's errors name the queue: its kind and size only, because they are
     * raised on a wrong thread, where {@link #toString()} could meet the items mid-change.
     */
    private final String label;
    private final QueueState<T> state;
    private final GetOp<T> getOp = new GetOp<>(this);
    private final JoinOp joinOp = new JoinOp(this);

    /** Creates an unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * Creates a queue that holds at most {@code maxsize} items; zero or less means unbounded.
     */
    public Queue(int maxsize) {
        this(maxsize, new FifoStore<>(initialCapacity(maxsize)));
    }

    /** For {@link LifoQueue} and {@link PriorityQueue}: a queue over another store. */
    Queue(int maxsize, ItemStore<T> items) {
        this.label = "<" + getClass().getSimpleName() + " maxsize=" + maxsize + ">";
        this.state = new QueueState<>(this, binding, maxsize, items);
    }

    static int initialCapacity(int maxsize) {
        return maxsize > 0 ? Math.min(maxsize, MAX_INITIAL_CAPACITY) : MAX_INITIAL_CAPACITY;
    }

    // ---- putting ---------------------------------------------------------------------------

    /**
     * A coroutine that puts {@code item} when awaited, first waiting for a free slot if the queue
     * is full; waiting putters are served in the order they came. Nothing happens until it is
     * awaited. If the await throws (a cancellation, or {@link QueueShutDown}), the item was not
     * put.
     *
     * @throws NullPointerException if {@code item} is null (at once, not at the await)
     */
    public Coroutine<Void> put(T item) {
        Objects.requireNonNull(item, "a queue does not take null items");
        return new PutOp<>(this, item);
    }

    /**
     * Puts {@code item} without waiting.
     *
     * @throws QueueFull if no slot is free (a slot granted to a woken putter is not free)
     * @throws QueueShutDown if the queue was shut down
     * @throws NullPointerException if {@code item} is null
     */
    public void putNowait(T item) {
        Objects.requireNonNull(item, "a queue does not take null items");
        binding.check(label);
        if (state.shutdown) {
            throw state.shutDown("putNowait");
        }
        if (!state.hasFreeSlot()) {
            throw new QueueFull("queue is full (maxsize " + state.maxsize + "): " + this);
        }
        state.add(item);
    }

    Object awaitPut(T item, Frame caller) {
        binding.check(label);
        if (state.shutdown) {
            throw state.shutDown("put");
        }
        if (state.hasFreeSlot()) {
            state.add(item);
            return null;
        }
        return new QueueWaiter(state, QueueWaiter.PUT, item).awaitFrom(caller);
    }

    // ---- getting ---------------------------------------------------------------------------

    /**
     * A coroutine that, when awaited, removes and returns the next item, first waiting for one if
     * none is free; waiting getters are served in the order they came. The same object is
     * returned by every call and may be awaited any number of times.
     *
     * <p>The await throws {@link QueueShutDown} once the queue is shut down and no item is left
     * for this getter. If it throws a cancellation, no item was taken.
     */
    public Coroutine<T> get() {
        return getOp;
    }

    /**
     * Removes and returns the next item without waiting.
     *
     * @throws QueueEmpty if no item is free (one promised to a woken getter is not)
     * @throws QueueShutDown if the queue was shut down and no item is free
     */
    public T getNowait() {
        binding.check(label);
        if (state.available() > 0) {
            return state.take();
        }
        if (state.shutdown) {
            throw state.shutDown("getNowait");
        }
        throw new QueueEmpty("queue is empty: " + this);
    }

    Object awaitGet(Frame caller) {
        binding.check(label);
        if (state.available() > 0) {
            return state.take();
        }
        if (state.shutdown) {
            throw state.shutDown("get");
        }
        return new QueueWaiter(state, QueueWaiter.GET, null).awaitFrom(caller);
    }

    // ---- tracking work ---------------------------------------------------------------------

    /**
     * Marks one item got from the queue as processed (asyncio's {@code task_done}): once every
     * item ever put is marked, the {@link #join()}s waiting return. Works after a shutdown too.
     *
     * @throws IllegalStateException if called more times than items were put (Python's
     *     {@code ValueError}); the count is left as it was
     */
    public void taskDone() {
        binding.check(label);
        if (state.unfinished <= 0) {
            throw new IllegalStateException("taskDone() called more times than items were put: "
                    + "no item is waiting to be marked done in " + this);
        }
        if (--state.unfinished == 0) {
            QueueState.releaseAll(state.joiners, QueueWaiter.WOKEN);
        }
    }

    /**
     * A coroutine that, when awaited, waits until every item put so far has been marked done with
     * {@link #taskDone()} (at once if none is pending). The same object is returned by every call.
     */
    public Coroutine<Void> join() {
        return joinOp;
    }

    Object awaitJoin(Frame caller) {
        binding.check(label);
        if (state.unfinished == 0) {
            return null;
        }
        return new QueueWaiter(state, QueueWaiter.JOIN, null).awaitFrom(caller);
    }

    // ---- shutting down ---------------------------------------------------------------------

    /** {@link #shutdown(boolean) shutdown(false)}: no more puts; the items left can still be got. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13's {@code shutdown}): from now on {@code put} and
     * {@code putNowait} throw {@link QueueShutDown}, as do {@code get} and {@code getNowait} once
     * no item is left for them; every task waiting in {@code put}, and every one waiting in
     * {@code get} (none of which has an item coming), is woken with {@code QueueShutDown}.
     *
     * <p>With {@code immediate}, the items are dropped too and counted as done, so {@link #join()}
     * returns once the items already got are marked done; getters that were woken for an item but
     * have not resumed yet get {@code QueueShutDown} instead of it. Calling it again is harmless;
     * {@code shutdown(true)} after {@code shutdown(false)} still drops the items.
     */
    public void shutdown(boolean immediate) {
        binding.check(label);
        state.shutdown(immediate);
    }

    // ---- queries ---------------------------------------------------------------------------

    /** The number of items in the queue, those promised to woken getters included. */
    public int qsize() {
        binding.check(label);
        return state.items.size();
    }

    /** The maximum number of items, as given; zero or less means unbounded. */
    public int maxsize() {
        return state.maxsize;
    }

    /**
     * Whether no item is free, that is, whether {@link #getNowait()} would throw. It differs
     * from {@code qsize() == 0} only while a woken getter has not taken its promised item yet.
     */
    public boolean empty() {
        binding.check(label);
        return state.available() <= 0;
    }

    /**
     * Whether no slot is free, that is, whether {@link #putNowait} would throw
     * {@link QueueFull}; never for an unbounded queue. It differs from
     * {@code qsize() >= maxsize()} only while a woken putter has not added its item yet.
     */
    public boolean full() {
        binding.check(label);
        return !state.hasFreeSlot();
    }

    /** Whether {@link #shutdown(boolean)} was called. */
    public boolean isShutdown() {
        binding.check(label);
        return state.shutdown;
    }

    // ---- description -----------------------------------------------------------------------

    /**
     * Like asyncio's repr: {@code <Queue maxsize=2 items=[1, 2] getters[1] putters[3] tasks=5>},
     * listing only what is not empty; for debugging, it does not check the thread.
     */
    @Override
    public String toString() {
        return state.describe(getClass().getSimpleName());
    }

    /**
     * The coroutine {@link Queue#get()} returns: awaiting it takes the next item, waiting for one if
     * need be.
     *
     * <p>Stateless but for its queue: one instance per queue, returned by every {@code get()} call,
     * so a get allocates nothing. Unlike a woven coroutine it may be awaited any number of times;
     * each await is a new get. Loop thread only.
     *
     * @param <T> the type of the items
     */
    private static final class GetOp<T> implements Coroutine<T>, Awaitable {
        private final Queue<T> queue;

        GetOp(Queue<T> queue) {
            this.queue = queue;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            return queue.awaitGet(caller);
        }

        @Override
        public String toString() {
            return "Queue.get()";
        }
    }

    /**
     * The coroutine {@link Queue#put(Object)} returns: awaiting it adds the item, waiting for a free
     * slot if need be. Nothing happens until it is awaited, as with asyncio's {@code put}.
     *
     * <p>Holds the queue and the item: the one allocation of an uncontended put (16 to 24 bytes,
     * often removed by escape analysis once the await is inlined). It may be awaited more than once;
     * each await puts the item again. Loop thread only.
     *
     * @param <T> the type of the item
     */
    private static final class PutOp<T> implements Coroutine<Void>, Awaitable {
        private final Queue<T> queue;
        private final T item;

        PutOp(Queue<T> queue, T item) {
            this.queue = queue;
            this.item = item;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            return queue.awaitPut(item, caller);
        }

        @Override
        public String toString() {
            return "Queue.put(" + item + ")";
        }
    }

    /**
     * The coroutine {@link Queue#join()} returns: awaiting it waits until every item put so far has
     * been marked done with {@link Queue#taskDone()}.
     *
     * <p>One instance per queue, returned by every {@code join()} call; it may be awaited any number
     * of times. Loop thread only.
     */
    private static final class JoinOp implements Coroutine<Void>, Awaitable {
        private final Queue<?> queue;

        JoinOp(Queue<?> queue) {
            this.queue = queue;
        }

        @Override
        public Object awaitFrom(Frame caller) {
            return queue.awaitJoin(caller);
        }

        @Override
        public String toString() {
            return "Queue.join()";
        }
    }
}
