package dev.weft.queue;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.Sneaky;
import dev.weft.internal.primitives.LoopBinding;
import dev.weft.internal.primitives.WaiterList;

/**
 * The state of one {@link Queue} and the rules that change it: its items, its three lists of
 * waiters, and the counts of turns given to woken waiters that have not resumed yet.
 *
 * <p>Reserved turns also make the queue fair: nobody can take an item promised to a woken getter
 * or a slot granted to a woken putter, so waiters are served in the order they came and a new
 * {@code get} or {@code put} never overtakes one that waits. Two invariants hold between
 * operations: getters wait only if no item is free ({@code size - promised == 0}), putters only
 * if no slot is ({@code size + granted >= maxsize}); every change of a count re-establishes them
 * by waking waiters. A promised item still counts towards {@code maxsize} until its getter takes
 * it, as in asyncio, where it stays in the deque until then; so a bounded queue never holds more
 * than {@code maxsize} items. A waiter whose task was cancelled before its turn stays on its list
 * until its task resumes and unlinks it (O(1)), or until a wake-up meets it first and skips it.
 *
 * <p>Confined to the queue's loop thread; {@link Queue} checks the thread before every call.
 *
 * @param <T> the type of the items
 */
final class QueueState<T> {
    /*
     * Implementation overview. Items live in an ItemStore (its order: FIFO, LIFO or by
     * priority). Tasks that must wait become QueueWaiters on three FIFO lists: getters, putters,
     * joiners. Waking a waiter does not hand it anything yet; it gives it a turn, counted
     * until its task resumes: promised items reserved for woken getters, granted
     * slots reserved for woken putters. The woken getter takes an item, or the woken putter adds its
     * own, when its task resumes; a task cancelled in between resumes with the
     * CancelledError instead, and its turn goes to the next waiter. So an item is taken out
     * only by a getter that goes on running and put in only by a putter that goes on running: no
     * cancellation, timeout or waitFor can lose or duplicate one.
     */

    final ItemStore<T> items;
    final int maxsize;
    final WaiterList<QueueWaiter> getters = new WaiterList<>();
    final WaiterList<QueueWaiter> putters = new WaiterList<>();
    final WaiterList<QueueWaiter> joiners = new WaiterList<>();
    private final Queue<T> owner;
    private final LoopBinding binding;
    /** Items reserved for woken getters that have not resumed yet; never more than the size. */
    private int promised;
    /** Slots reserved for woken putters that have not resumed yet. */
    private int granted;
    /** Items put and not yet marked done with {@link Queue#taskDone()}. */
    int unfinished;
    boolean shutdown;
    /** Whether {@code shutdown(true)} dropped the items: every promise made before is void. */
    private boolean dropped;

    QueueState(Queue<T> owner, LoopBinding binding, int maxsize, ItemStore<T> items) {
        this.owner = owner;
        this.binding = binding;
        this.maxsize = maxsize;
        this.items = items;
    }

    /** Shuts down; drops the items if {@code immediate}; wakes putters and getters with it. */
    void shutdown(boolean immediate) {
        shutdown = true;
        if (immediate) {
            int droppedItems = items.size();
            items.clear();
            promised = 0;
            dropped = true;
            unfinished = Math.max(0, unfinished - droppedItems);
            if (unfinished == 0) {
                releaseAll(joiners, QueueWaiter.WOKEN);
            }
        }
        releaseAll(getters, QueueWaiter.RELEASED);
        releaseAll(putters, QueueWaiter.RELEASED);
    }

    // ---- counting and waking ---------------------------------------------------------------

    int available() {
        return items.size() - promised;
    }

    boolean hasFreeSlot() {
        return maxsize <= 0 || items.size() + granted < maxsize;
    }

    void add(T item) {
        items.add(item); // first: if a comparator throws, nothing has changed
        unfinished++;
        wakeGetters();
    }

    T take() {
        T item = items.poll();
        wakePutters();
        return item;
    }

    /** Promises each free item to the first waiting getter. */
    private void wakeGetters() {
        while (available() > 0) {
            QueueWaiter w = getters.pollFirst();
            if (w == null) {
                return;
            }
            if (w.abandoned()) {
                w.status = QueueWaiter.SKIPPED;
            } else {
                promised++;
                w.wake(QueueWaiter.WOKEN);
            }
        }
    }

    /** Grants each free slot to the first waiting putter. */
    private void wakePutters() {
        while (hasFreeSlot()) {
            QueueWaiter w = putters.pollFirst();
            if (w == null) {
                return;
            }
            if (w.abandoned()) {
                w.status = QueueWaiter.SKIPPED;
            } else {
                granted++;
                w.wake(QueueWaiter.WOKEN);
            }
        }
    }

    static void releaseAll(WaiterList<QueueWaiter> list, byte outcome) {
        for (QueueWaiter w = list.pollFirst(); w != null; w = list.pollFirst()) {
            if (w.abandoned()) {
                w.status = QueueWaiter.SKIPPED;
            } else {
                w.wake(outcome);
            }
        }
    }

    // ---- waiters: suspending and resuming --------------------------------------------------

    /** A waiter's first run: joins its list and suspends its task on a fresh future. */
    Object park(QueueWaiter w) {
        // Another loop of this thread would never run the task the future wakes: rejected here.
        EventLoop loop = binding.loopToWaitOn(owner);
        Future<Object> future = new Future<>(loop);
        w.future = future;
        listOf(w).addLast(w);
        return future.awaitFrom(w);
    }

    /**
     * A waiter's task resumed, woken ({@code error} null) or cancelled ({@code error} its
     * {@code CancelledError}): settles its turn and answers what its await returns.
     */
    Object resume(QueueWaiter w, Throwable error) {
        if (w.status == QueueWaiter.WAITING) {
            // Cancelled while on its list: it was owed nothing.
            listOf(w).remove(w);
            throw Sneaky.<RuntimeException>raise(error != null ? error
                    : new IllegalStateException("queue waiter resumed before its turn: a weft bug"));
        }
        if (w.status == QueueWaiter.WOKEN) {
            if (w.kind == QueueWaiter.GET) {
                return resumeGetter(error);
            }
            if (w.kind == QueueWaiter.PUT) {
                return resumePutter(w, error);
            }
        } else if (w.status == QueueWaiter.RELEASED && error == null) {
            throw shutDown(w.kind == QueueWaiter.GET ? "get" : "put");
        }
        if (error != null) {
            throw Sneaky.<RuntimeException>raise(error);
        }
        return null; // a joiner whose items are all done
    }

    private Object resumeGetter(Throwable error) {
        if (dropped) { // shutdown(true) dropped the promised item
            throw error != null ? Sneaky.<RuntimeException>raise(error) : shutDown("get");
        }
        promised--;
        if (error != null) {
            wakeGetters(); // the cancelled getter's item goes to the next one
            throw Sneaky.<RuntimeException>raise(error);
        }
        try {
            return take();
        } catch (RuntimeException | Error e) { // a failing comparator: the item stays
            wakeGetters();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private Object resumePutter(QueueWaiter w, Throwable error) {
        granted--;
        Object item = w.item;
        w.item = null;
        if (error != null) {
            wakePutters(); // the cancelled putter's slot goes to the next one
            throw Sneaky.<RuntimeException>raise(error);
        }
        if (shutdown) {
            throw shutDown("put");
        }
        try {
            add((T) item);
        } catch (RuntimeException | Error e) {
            wakePutters();
            throw e;
        }
        return null;
    }

    private WaiterList<QueueWaiter> listOf(QueueWaiter w) {
        return w.kind == QueueWaiter.GET ? getters : w.kind == QueueWaiter.PUT ? putters : joiners;
    }

    QueueShutDown shutDown(String operation) {
        return new QueueShutDown(operation + "() on a shut-down queue: " + owner);
    }

    // ---- description -----------------------------------------------------------------------

    /** {@code <Queue maxsize=2 items=[1, 2] getters[1] putters[3] tasks=5>}, what is not empty. */
    String describe(String kind) {
        StringBuilder s = new StringBuilder("<").append(kind).append(" maxsize=").append(maxsize);
        if (items.size() > 0) {
            s.append(" items=").append(items);
        }
        if (getters.size() > 0) {
            s.append(" getters[").append(getters.size()).append(']');
        }
        if (putters.size() > 0) {
            s.append(" putters[").append(putters.size()).append(']');
        }
        if (joiners.size() > 0) {
            s.append(" joiners[").append(joiners.size()).append(']');
        }
        if (unfinished > 0) {
            s.append(" tasks=").append(unfinished);
        }
        if (shutdown) {
            s.append(" shutdown");
        }
        return s.append('>').toString();
    }
}
