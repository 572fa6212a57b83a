package dev.weft.queue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.StringJoiner;

/**
 * The item store of a {@link PriorityQueue}: a binary min-heap ordered by a comparator (or the
 * items' natural order), first in first out among items of equal priority.
 *
 * <p>Both sifts run in two phases: the first only compares, to find where the moving entry ends
 * up (a poll records the path it walks in a small reused array); the second moves the entries.
 * A comparator that throws — a {@code ClassCastException} between items of unrelated types, say
 * — therefore throws before anything moved, and the heap stays whole, unlike
 * {@code java.util.PriorityQueue}, which can lose an entry when a comparison fails half-way.
 *
 * <p>Confined to the queue's loop thread.
 *
 * @param <T> the type of the items
 */
final class HeapStore<T> implements ItemStore<T> {
    /*
     * Implementation overview. Two parallel arrays hold the heap: the items, and for each item the
     * sequence number it was added with. Two entries compare by the comparator first and by sequence
     * number second, so no two entries are ever equal and equal priorities come out in the order they
     * went in (Python's heapq on bare items makes no such promise). Entries carry no wrapper
     * object: adding and polling allocate nothing once the arrays are big enough.
     */

    /** A heap of {@code Integer.MAX_VALUE} entries is 31 levels deep. */
    private static final int MAX_DEPTH = 32;

    private final Comparator<? super T> comparator;
    private Object[] heap;
    private long[] seqs;
    private int size;
    private long nextSeq;
    /** The children a poll's first phase walked down, for its second phase. */
    private final int[] path = new int[MAX_DEPTH];

    /** @param comparator the priority order, or null for the items' natural order */
    HeapStore(int initialCapacity, Comparator<? super T> comparator) {
        this.comparator = comparator;
        int capacity = Math.max(1, initialCapacity);
        heap = new Object[capacity];
        seqs = new long[capacity];
    }

    @Override
    public void add(T item) {
        if (comparator == null && !(item instanceof Comparable)) {
            throw new ClassCastException(item.getClass().getName() + " is not Comparable: give "
                    + "the PriorityQueue a Comparator, or put Comparable items");
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        long seq = nextSeq;
        int target = size;
        while (target > 0) { // phase 1: compare only
            int parent = (target - 1) >>> 1;
            if (!precedes(item, seq, heap[parent], seqs[parent])) {
                break;
            }
            target = parent;
        }
        for (int i = size; i > target; ) { // phase 2: move the parents down
            int parent = (i - 1) >>> 1;
            heap[i] = heap[parent];
            seqs[i] = seqs[parent];
            i = parent;
        }
        heap[target] = item;
        seqs[target] = seq;
        size++;
        nextSeq = seq + 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll() {
        T top = (T) heap[0];
        int last = size - 1;
        Object moving = heap[last];
        long movingSeq = seqs[last];
        int depth = 0;
        for (int hole = 0; ; ) { // phase 1: find where the last entry settles
            int child = 2 * hole + 1;
            if (child >= last) {
                break;
            }
            int right = child + 1;
            if (right < last && precedes(heap[right], seqs[right], heap[child], seqs[child])) {
                child = right;
            }
            if (!precedes(heap[child], seqs[child], moving, movingSeq)) {
                break;
            }
            path[depth++] = child;
            hole = child;
        }
        int pos = 0;
        for (int d = 0; d < depth; d++) { // phase 2: move the smaller children up
            int child = path[d];
            heap[pos] = heap[child];
            seqs[pos] = seqs[child];
            pos = child;
        }
        heap[pos] = moving;
        seqs[pos] = movingSeq;
        heap[last] = null;
        size = last;
        return top;
    }

    /** Whether entry (a, seqA) comes out before entry (b, seqB). */
    @SuppressWarnings("unchecked")
    private boolean precedes(Object a, long seqA, Object b, long seqB) {
        int c = comparator != null ? comparator.compare((T) a, (T) b)
                : ((Comparable<Object>) a).compareTo(b);
        return c < 0 || (c == 0 && seqA < seqB);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    /** The items in heap order (the first one comes out next), as {@code [a, b]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < size; i++) {
            out.add(String.valueOf(heap[i]));
        }
        return out.toString();
    }
}
