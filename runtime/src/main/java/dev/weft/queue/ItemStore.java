package dev.weft.queue;

/**
 * Where a {@link Queue} keeps its items, and so the order they come out in: first in first out
 * ({@link FifoStore}), last in first out ({@link LifoStore}) or by priority ({@link HeapStore}).
 * asyncio's {@code _init}/{@code _put}/{@code _get} hooks, as an object the queue is built with.
 *
 * <p>Only the counting and waking logic of {@link Queue} calls it. Not thread-safe: confined to
 * the queue's loop thread. Items are never null (the queue rejects null before calling).
 *
 * @param <T> the type of the items
 */
interface ItemStore<T> {

    /**
     * Adds {@code item}. If this throws (a comparator failing, say), the store is unchanged.
     */
    void add(T item);

    /**
     * Removes and returns the next item; only called when {@link #size()} is positive. If this
     * throws (a comparator failing), the store is unchanged.
     */
    T poll();

    /** How many items the store holds. */
    int size();

    /** Drops every item, releasing the references. */
    void clear();
}
