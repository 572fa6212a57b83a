package dev.weft.internal;

import java.util.Arrays;

/**
 * The loop's FIFO of callbacks ready to run: asyncio's {@code _ready} deque.
 *
 * <p>A growable ring buffer over an {@code Object[]} whose capacity is a power of two, so the
 * indices wrap with a mask. Elements are {@link Runnable}s (including {@link dev.weft.Handle}s) or
 * {@link dev.weft.Task}s; pushing a task allocates nothing, which makes a task's wake-up free. Polled
 * slots are cleared so a finished callback is not kept alive. The buffer grows by doubling and
 * never shrinks: a loop's working set is stable, and steady state must not allocate.
 *
 * <p>Threading: confined to the loop's thread. Null elements are not allowed (null means empty).
 *
 * <p>Not API: public only because the core package {@code dev.weft} uses it from another
 * package; it depends on nothing of weft's.
 */
public final class ReadyQueue {
    private static final int INITIAL_CAPACITY = 16;

    private Object[] items = new Object[INITIAL_CAPACITY];
    private int head;
    private int size;

    /** Appends {@code callback} at the tail. */
    public void push(Object callback) {
        if (size == items.length) {
            grow();
        }
        items[(head + size) & (items.length - 1)] = callback;
        size++;
    }

    /** Removes and returns the head, or null when the queue is empty. */
    public Object poll() {
        if (size == 0) {
            return null;
        }
        Object callback = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        return callback;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Drops every element (a closing loop discards its pending callbacks, as asyncio does). */
    public void clear() {
        Arrays.fill(items, null);
        head = 0;
        size = 0;
    }

    /** Doubles the buffer, unrolling the ring so the head moves to index 0. */
    private void grow() {
        Object[] bigger = new Object[items.length << 1];
        int firstPart = items.length - head;
        System.arraycopy(items, head, bigger, 0, firstPart);
        System.arraycopy(items, 0, bigger, firstPart, head);
        items = bigger;
        head = 0;
    }
}
