package dev.weft.queue;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;

/**
 * The coroutine {@link Queue#get()} returns: awaiting it takes the next item, waiting for one if
 * need be.
 *
 * <p>Stateless but for its queue: one instance per queue, returned by every {@code get()} call,
 * so a get allocates nothing. Unlike a woven coroutine it may be awaited any number of times;
 * each await is a new get. Loop thread only.
 *
 * @param <T> the type of the items
 */
final class GetOp<T> implements Coroutine<T>, Awaitable {
    private final Queue<T> queue;

    GetOp(Queue<T> queue) {
        this.queue = queue;
    }

    @Override
    public Object awaitFrom(Frame caller) {
        return queue.awaitGet(caller);
    }

    @Override
    public String toString() {
        return "Queue.get()";
    }
}
