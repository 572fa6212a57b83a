package dev.weft.queue;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@link Queue} that hands out its smallest item first: asyncio's {@code PriorityQueue}, by the
 * items' natural order or by a {@link Comparator}.
 *
 * <p>Items of equal priority come out in the order they were put (first in, first out), a
 * promise Python's {@code heapq} does not make; so {@code (priority, payload)} pairs need no
 * tie-breaking counter. A woven getter takes the smallest item when its task resumes, so a more
 * urgent item put between its wake-up and its resumption is the one it gets. An item that cannot
 * be compared (not {@link Comparable} without a comparator, or a comparator that throws) makes
 * {@code put}/{@code putNowait} throw that exception, and the queue is left as it was.
 *
 * <p>Everything else is {@link Queue}'s. Threading and null policy as for {@link Queue}: loop
 * thread only; null items (and a null comparator) rejected.
 *
 * @param <T> the type of the items
 */
public class PriorityQueue<T> extends Queue<T> {

    /** Creates an unbounded queue ordered by the items' natural order. */
    public PriorityQueue() {
        this(0);
    }

    /** Creates a queue of at most {@code maxsize} items (zero or less: unbounded), natural order. */
    public PriorityQueue(int maxsize) {
        super(maxsize, new HeapStore<>(initialCapacity(maxsize), null));
    }

    /** Creates an unbounded queue ordered by {@code comparator}. */
    public PriorityQueue(Comparator<? super T> comparator) {
        this(0, comparator);
    }

    /** Creates a queue of at most {@code maxsize} items (zero or less: unbounded), by {@code comparator}. */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new HeapStore<>(initialCapacity(maxsize),
                Objects.requireNonNull(comparator, "comparator")));
    }
}
