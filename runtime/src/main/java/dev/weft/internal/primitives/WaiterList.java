package dev.weft.internal.primitives;

/**
 * A first-in, first-out list of waiters, linked through the waiters themselves: the waiting tasks
 * of one lock, semaphore, condition, event or barrier, or of one side (getters, putters, joiners)
 * of a queue.
 *
 * <p>Intrusive links make appending, taking the first and removing a cancelled waiter from the
 * middle O(1) (asyncio's {@code deque.remove} is O(n)), and none of them allocates: the waiter is
 * the node. A waiter is on at most one list at a time, and {@link Node#list()} says which, so a
 * condition's waiter can move from the condition's list to its lock's, and a cancelled waiter
 * can unlink itself without knowing where it waits.
 *
 * <p>Threading: confined to the owning primitive's loop thread. Null policy: no method takes
 * null; {@link #pollFirst()} answers null when the list is empty.
 *
 * @param <W> the waiter type, which is its own node
 */
public final class WaiterList<W extends WaiterList.Node<W>> {
    private W head;
    private W tail;
    private int size;

    /** Creates an empty list. */
    public WaiterList() {
    }

    /**
     * What a waiter must offer to be kept on a {@link WaiterList}: three fields of its own, read
     * and written only by the list. An interface and not a base class because the waiters already
     * extend what their protocol needs ({@code Frame}, {@code Future}); the accessors are
     * trivial, so the JIT inlines them.
     *
     * @param <W> the waiter type itself
     */
    public interface Node<W extends Node<W>> {
        /** The waiter before this one, or null. */
        W prevWaiter();

        void prevWaiter(W w);

        /** The waiter after this one, or null. */
        W nextWaiter();

        void nextWaiter(W w);

        /** The list this waiter is on, or null. */
        WaiterList<W> list();

        void list(WaiterList<W> list);
    }

    /** Appends {@code w}, which must be on no list. */
    public void addLast(W w) {
        w.list(this);
        w.prevWaiter(tail);
        w.nextWaiter(null);
        if (tail == null) {
            head = w;
        } else {
            tail.nextWaiter(w);
        }
        tail = w;
        size++;
    }

    /** Unlinks and returns the first waiter, or null if there is none. */
    public W pollFirst() {
        W w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /** Unlinks {@code w}, which must be on this list. */
    public void remove(W w) {
        W p = w.prevWaiter();
        W n = w.nextWaiter();
        if (p == null) {
            head = n;
        } else {
            p.nextWaiter(n);
        }
        if (n == null) {
            tail = p;
        } else {
            n.prevWaiter(p);
        }
        w.prevWaiter(null);
        w.nextWaiter(null);
        w.list(null);
        size--;
    }

    public boolean isEmpty() {
        return head == null;
    }

    /** How many waiters are on the list (cancelled ones not yet unlinked included). */
    public int size() {
        return size;
    }
}
