package dev.weft.queue;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;

/**
 * The coroutine {@link Queue#put(Object)} returns: awaiting it adds the item, waiting for a free
 * slot if need be. Nothing happens until it is awaited, as with asyncio's {@code put}.
 *
 * <p>Holds the queue and the item: the one allocation of an uncontended put (16 to 24 bytes,
 * often removed by escape analysis once the await is inlined). It may be awaited more than once;
 * each await puts the item again. Loop thread only.
 *
 * @param <T> the type of the item
 */
final class PutOp<T> implements Coroutine<Void>, Awaitable {
    private final Queue<T> queue;
    private final T item;

    PutOp(Queue<T> queue, T item) {
        this.queue = queue;
        this.item = item;
    }

    @Override
    public Object awaitFrom(Frame caller) {
        return queue.awaitPut(item, caller);
    }

    @Override
    public String toString() {
        return "Queue.put(" + item + ")";
    }
}
