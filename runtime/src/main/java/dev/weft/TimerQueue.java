package dev.weft;

import java.util.Arrays;

/**
 * The loop's pending timers, earliest deadline first: asyncio's {@code _scheduled} heap.
 *
 * <p>Implementation overview. A binary min-heap over a {@code TimerHandle[]}. Two handles
 * compare by deadline, then by the sequence number {@link #add} stamps on them, so timers with
 * equal deadlines run in the order they were scheduled. Deadlines compare by subtraction
 * ({@code a - b < 0}), as {@link System#nanoTime()} requires, so the order survives a counter
 * that wraps; the loop keeps every deadline within a quarter of the {@code long} range of now.
 *
 * <p>Cancellation is lazy: a cancelled handle stays in the heap and is dropped when it reaches
 * the top ({@link #dropCancelled()}, called once per loop iteration) or when it would be polled.
 * Because a heap full of dead handles wastes memory and makes every operation slower, the queue
 * counts its cancelled handles ({@link #onCancelled}) and, when they exceed half of the heap,
 * compacts it in O(n): filter out the dead ones and re-heapify bottom-up. Each compaction removes
 * at least half of the heap, so the cost is amortised O(1) per cancellation.
 *
 * <p>Threading: confined to the loop's thread. Null handles are not allowed.
 */
final class TimerQueue {
    private static final int INITIAL_CAPACITY = 16;

    private TimerHandle[] heap = new TimerHandle[INITIAL_CAPACITY];
    private int size;
    private int cancelled;
    private int nextSeq;

    /** Schedules {@code timer}; it must not be in any queue yet. */
    void add(TimerHandle timer) {
        timer.seq = nextSeq++;
        timer.queue = this;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size << 1);
        }
        siftUp(size++, timer);
    }

    /** The earliest timer (possibly cancelled), or null when empty. */
    TimerHandle peek() {
        return size == 0 ? null : heap[0];
    }

    /** Removes and returns the earliest timer (possibly cancelled), or null when empty. */
    TimerHandle poll() {
        if (size == 0) {
            return null;
        }
        TimerHandle top = heap[0];
        TimerHandle last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
        top.queue = null;
        if (top.cancelled()) {
            cancelled--;
        }
        return top;
    }

    /** Pops cancelled timers off the top, so that {@link #peek()} shows a live one or null. */
    void dropCancelled() {
        while (size > 0 && heap[0].cancelled()) {
            poll();
        }
    }

    /** Notes that {@code timer}, which is in this queue, was just cancelled. */
    void onCancelled(TimerHandle timer) {
        cancelled++;
        if (cancelled > size - cancelled) {
            compact();
        }
    }

    /** How many timers are queued, cancelled ones included. */
    int size() {
        return size;
    }

    /** How many of the queued timers are cancelled. */
    int cancelledCount() {
        return cancelled;
    }

    /** Drops every timer. */
    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].queue = null;
            heap[i] = null;
        }
        size = 0;
        cancelled = 0;
    }

    /** Removes all cancelled timers and restores the heap property (Floyd's heapify). */
    private void compact() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            TimerHandle t = heap[i];
            if (t.cancelled()) {
                t.queue = null;
            } else {
                heap[live++] = t;
            }
        }
        Arrays.fill(heap, live, size, null);
        size = live;
        cancelled = 0;
        if (heap.length > 4 * INITIAL_CAPACITY && live < heap.length >>> 2) {
            // Give back the memory of a burst of cancelled timers, keeping room to grow.
            heap = Arrays.copyOf(heap, Math.max(INITIAL_CAPACITY, live << 1));
        }
        for (int i = (live >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
    }

    private void siftUp(int index, TimerHandle timer) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            TimerHandle p = heap[parent];
            if (!before(timer, p)) {
                break;
            }
            heap[index] = p;
            index = parent;
        }
        heap[index] = timer;
    }

    private void siftDown(int index, TimerHandle timer) {
        int half = size >>> 1;
        while (index < half) {
            int child = (index << 1) + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], timer)) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = timer;
    }

    /** Whether {@code a} runs before {@code b}: earlier deadline, then earlier scheduling. */
    private static boolean before(TimerHandle a, TimerHandle b) {
        long d = a.deadlineNanos - b.deadlineNanos;
        // Sequence numbers are ints compared by subtraction, so they may wrap (a long would cost
        // 8 B a timer). They only break ties between equal deadlines, and two timers due at the
        // same nanosecond but scheduled 2^31 schedulings apart are not a case worth 8 B each.
        return d < 0 || (d == 0 && a.seq - b.seq < 0);
    }
}
