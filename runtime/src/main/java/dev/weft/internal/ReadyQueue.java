package dev.weft.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The loop's FIFO of callbacks ready to run: asyncio's {@code _ready} deque.
 *
 * <p>A growable ring buffer over an {@code Object[]} whose capacity is a power of two, so the
 * indices wrap with a mask. Elements are {@link Runnable}s (including {@link dev.weft.Handle}s) or
 * {@link dev.weft.Task}s; pushing a task allocates nothing, which makes a task's wake-up free. Polled
 * slots are cleared so a finished callback is not kept alive. The buffer grows by doubling. It
 * shrinks only after a burst far above the loop's usual batch: when the queue runs empty after a
 * run of pushes that used at most a quarter of a buffer over {@value #TRIM_ABOVE} slots, the
 * buffer is replaced by one two to four times that run's size. A million tasks created at once
 * would otherwise keep a 4 MB buffer (4 bytes per task, for good) after their first steps. A
 * loop whose batches stay under {@value #TRIM_ABOVE} callbacks never reallocates, so steady
 * state allocates nothing; one that alternates huge and small batches pays one buffer per huge
 * batch, a few bytes per callback it queued.
 *
 * <p>Threading: confined to the loop's thread. Null elements are not allowed (null means empty).
 *
 * <p>Not API: public only because the core package {@code dev.weft} uses it from another
 * package; it depends on nothing of weft's.
 */
public final class ReadyQueue {
    private static final int INITIAL_CAPACITY = 16;
    /** Buffers of at most this many slots are never shrunk. */
    static final int TRIM_ABOVE = 1 << 16;

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(ReadyQueue.class, "head", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Object[] items = new Object[INITIAL_CAPACITY];
    /**
     * Polls so far, unmasked (an index is {@code head & (items.length - 1)}); it wraps harmlessly,
     * the capacity being a power of two, and doubles as the watchdog's progress counter.
     */
    private int head;
    private int size;
    /** The largest size since the queue was last empty. */
    private int peak;

    /** Appends {@code callback} at the tail. */
    public void push(Object callback) {
        if (size == items.length) {
            grow();
        }
        items[(head + size) & (items.length - 1)] = callback;
        if (++size > peak) {
            peak = size;
        }
    }

    /** Removes and returns the head, or null when the queue is empty. */
    public Object poll() {
        if (size == 0) {
            return null;
        }
        int i = head & (items.length - 1);
        Object callback = items[i];
        items[i] = null;
        head++;
        if (--size == 0) {
            ranEmpty();
        }
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
        peak = 0;
    }

    /** The queue just ran empty: drops an oversized buffer (see the class comment). */
    private void ranEmpty() {
        int capacity = items.length;
        if (capacity > TRIM_ABOVE && peak <= capacity >> 2) {
            items = new Object[Math.max(INITIAL_CAPACITY, Integer.highestOneBit(peak) << 2)];
            head = 0;
        }
        peak = 0;
    }

    /**
     * A value that changes with every {@link #poll} (and may jump when the buffer is replaced):
     * the blocking watchdog's sign that the loop makes progress, at no cost to the loop. Any
     * thread; a racy read by design, as the watchdog only compares it over tens of milliseconds.
     */
    public int progress() {
        return (int) HEAD.getOpaque(this); // opaque: another thread, never a cached value
    }

    /** Capacity of the buffer (tests). */
    int capacity() {
        return items.length;
    }

    /** Doubles the buffer, unrolling the ring so the head moves to index 0. */
    private void grow() {
        Object[] bigger = new Object[items.length << 1];
        int h = head & (items.length - 1);
        int firstPart = items.length - h;
        System.arraycopy(items, h, bigger, 0, firstPart);
        System.arraycopy(items, 0, bigger, firstPart, h);
        items = bigger;
        head = 0;
    }
}
