package dev.weft;

import java.util.Arrays;

/**
 * The loop's pending timers, earliest deadline first: asyncio's {@code _scheduled} heap.
 *
 * <p>Every entry knows its index in the heap ({@link TimerHandle#index}, {@link Task#timerIndex};
 * -1 when not queued), so cancelling removes it at once in O(log n): the heap never holds dead
 * entries, and the loop's next deadline is always a live one.
 *
 * <p>Threading: confined to the loop's thread. Null entries are not allowed.
 */
final class TimerQueue {
    /*
     * Implementation overview. A binary min-heap kept in three parallel arrays: the entries, their
     * deadlines and their sequence numbers. An entry is either a TimerHandle (a callback from
     * callLater/callAt) or a sleeping Task — a task is its own timer entry, so
     * a sleeping task costs one heap slot (16 bytes of arrays) rather than a handle object. Two
     * entries compare by deadline, then by the sequence number add stamps on them, so
     * timers with equal deadlines run in the order they were scheduled. Deadlines compare by
     * subtraction (a - b < 0), as System.nanoTime() requires, so the order survives a
     * counter that wraps; the loop keeps every deadline within a quarter of the long range of
     * now.
     */

    private static final int INITIAL_CAPACITY = 16;

    private Object[] entries = new Object[INITIAL_CAPACITY];
    private long[] deadlines = new long[INITIAL_CAPACITY];
    private int[] seqs = new int[INITIAL_CAPACITY];
    private int size;
    private int nextSeq;

    /** Schedules {@code timer} at its deadline; it must not be queued yet. */
    void add(TimerHandle timer) {
        timer.queue = this;
        insert(timer, timer.deadlineNanos);
    }

    /** Schedules the wake-up of the sleeping {@code task} at {@code deadlineNanos}. */
    void add(Task<?> task, long deadlineNanos) {
        insert(task, deadlineNanos);
    }

    /** The earliest entry, a {@link TimerHandle} or a {@link Task}, or null when empty. */
    Object peek() {
        return size == 0 ? null : entries[0];
    }

    /** The earliest deadline; only meaningful when {@link #size()} is not 0. */
    long peekDeadline() {
        return deadlines[0];
    }

    /** Removes and returns the earliest entry, or null when empty. */
    Object poll() {
        if (size == 0) {
            return null;
        }
        Object top = entries[0];
        removeAt(0);
        return top;
    }

    /** Removes {@code timer} if it is queued here; O(log n). */
    boolean remove(TimerHandle timer) {
        int i = timer.index;
        if (i < 0 || i >= size || entries[i] != timer) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** Removes the wake-up of {@code task} if it is queued here; O(log n). */
    boolean remove(Task<?> task) {
        int i = task.timerIndex;
        if (i < 0 || i >= size || entries[i] != task) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /**
     * The deadline at which the sleeping {@code task} wakes, or {@code fallback} if it is not
     * queued here; for task dumps, which may read it racily from another thread.
     */
    long deadlineOf(Task<?> task, long fallback) {
        int i = task.timerIndex;
        Object[] e = entries;
        long[] d = deadlines;
        return i >= 0 && i < e.length && i < d.length && e[i] == task ? d[i] : fallback;
    }

    /** How many timers are queued. */
    int size() {
        return size;
    }

    /** Drops every timer. */
    void clear() {
        for (int i = 0; i < size; i++) {
            setIndex(entries[i], -1);
            entries[i] = null;
        }
        size = 0;
    }

    private void insert(Object entry, long deadline) {
        if (size == entries.length) {
            // 1.5x, as ArrayList grows: a sleeping task's share of the heap arrays is 16 B times the
            // slack, and doubling would leave up to half of a million-entry heap empty.
            int capacity = size + (size >> 1);
            entries = Arrays.copyOf(entries, capacity);
            deadlines = Arrays.copyOf(deadlines, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
        }
        siftUp(size++, entry, deadline, nextSeq++);
    }

    private void removeAt(int i) {
        setIndex(entries[i], -1);
        int last = --size;
        Object moved = entries[last];
        long movedDeadline = deadlines[last];
        int movedSeq = seqs[last];
        entries[last] = null;
        if (i == last) {
            return;
        }
        siftDown(i, moved, movedDeadline, movedSeq);
        if (entries[i] == moved) {
            siftUp(i, moved, movedDeadline, movedSeq);
        }
    }

    private void siftUp(int index, Object entry, long deadline, int seq) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(deadline, seq, deadlines[parent], seqs[parent])) {
                break;
            }
            place(index, entries[parent], deadlines[parent], seqs[parent]);
            index = parent;
        }
        place(index, entry, deadline, seq);
    }

    private void siftDown(int index, Object entry, long deadline, int seq) {
        int half = size >>> 1;
        while (index < half) {
            int child = (index << 1) + 1;
            int right = child + 1;
            if (right < size && before(deadlines[right], seqs[right], deadlines[child], seqs[child])) {
                child = right;
            }
            if (!before(deadlines[child], seqs[child], deadline, seq)) {
                break;
            }
            place(index, entries[child], deadlines[child], seqs[child]);
            index = child;
        }
        place(index, entry, deadline, seq);
    }

    private void place(int index, Object entry, long deadline, int seq) {
        entries[index] = entry;
        deadlines[index] = deadline;
        seqs[index] = seq;
        setIndex(entry, index);
    }

    private static void setIndex(Object entry, int index) {
        if (entry instanceof Task) {
            ((Task<?>) entry).timerIndex = index;
        } else {
            ((TimerHandle) entry).index = index;
        }
    }

    /**
     * Whether an entry due at {@code d1} (stamped {@code s1}) runs before one due at {@code d2}.
     * Sequence numbers are ints compared by subtraction, so they may wrap: they only break ties
     * between equal deadlines, and two timers due at the same nanosecond but scheduled 2^31
     * schedulings apart are not a case worth 4 more bytes a timer.
     */
    private static boolean before(long d1, int s1, long d2, int s2) {
        long d = d1 - d2;
        return d < 0 || (d == 0 && s1 - s2 < 0);
    }
}
