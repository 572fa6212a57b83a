package dev.weft.sync;

/**
 * The FIFO of {@link Waiter}s of one primitive: an intrusive doubly linked list, so appending,
 * taking the first and removing a cancelled waiter from the middle are O(1) and allocate
 * nothing (the links live in the waiters themselves).
 *
 * <p>A waiter is in at most one queue at a time; {@link Waiter#queue} says which, so a
 * condition's waiter can move from the condition's queue to its lock's.
 *
 * <p>Threading: confined to the owning primitive's loop thread.
 */
final class WaitQueue {
    private Waiter head;
    private Waiter tail;
    private int size;

    /** Appends {@code w}, which must be in no queue. */
    void add(Waiter w) {
        w.queue = this;
        w.prev = tail;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /** Removes and returns the first waiter, or null if there is none. */
    Waiter poll() {
        Waiter w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /** Removes {@code w}, which must be in this queue. */
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
        w.queue = null;
        size--;
    }

    boolean isEmpty() {
        return head == null;
    }

    int size() {
        return size;
    }
}
