package dev.weft.queue;

/**
 * A first-in, first-out list of the {@link Waiter}s of one kind (getters, putters or joiners) of
 * one queue, linked through the waiters themselves.
 *
 * <p>Intrusive links make a cancelled waiter's removal O(1) (asyncio's {@code deque.remove} is
 * O(n)), and adding or removing allocates nothing: the waiter is the node. Confined to the
 * queue's loop thread.
 */
final class WaiterList {
    private Waiter head;
    private Waiter tail;
    private int size;

    /** Appends {@code w}, which must not be on any list. */
    void addLast(Waiter w) {
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /** Unlinks and returns the first waiter, or null if there is none. */
    Waiter pollFirst() {
        Waiter w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /** Unlinks {@code w}, which must be on this list. */
    void remove(Waiter w) {
        Waiter p = w.prev;
        Waiter n = w.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        w.prev = null;
        w.next = null;
        size--;
    }

    /** How many waiters are on the list (cancelled ones not yet resumed included). */
    int size() {
        return size;
    }
}
