package dev.weft.queue;

import java.util.StringJoiner;

/**
 * The item store of a plain {@link Queue}: first in, first out, in a growable ring buffer.
 *
 * <p>Grows by doubling and never shrinks, like {@code ArrayDeque}; a bounded queue starts at its
 * maxsize (up to 16 slots), so a small one never grows at all. Adding and polling allocate
 * nothing. Confined to the queue's loop thread.
 *
 * @param <T> the type of the items
 */
final class FifoStore<T> implements ItemStore<T> {
    private Object[] ring;
    private int head;
    private int size;

    FifoStore(int initialCapacity) {
        ring = new Object[Math.max(1, initialCapacity)];
    }

    @Override
    public void add(T item) {
        if (size == ring.length) {
            grow();
        }
        int tail = head + size;
        ring[tail < ring.length ? tail : tail - ring.length] = item;
        size++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll() {
        Object item = ring[head];
        ring[head] = null; // the queue no longer holds the item alive
        head = head + 1 == ring.length ? 0 : head + 1;
        size--;
        return (T) item;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            ring[(head + i) % ring.length] = null;
        }
        head = 0;
        size = 0;
    }

    private void grow() {
        Object[] bigger = new Object[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }

    /** The items in the order they will come out, as {@code [a, b]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < size; i++) {
            out.add(String.valueOf(ring[(head + i) % ring.length]));
        }
        return out.toString();
    }
}
