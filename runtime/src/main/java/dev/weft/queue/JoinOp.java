package dev.weft.queue;

import dev.weft.Coroutine;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;

/**
 * The coroutine {@link Queue#join()} returns: awaiting it waits until every item put so far has
 * been marked done with {@link Queue#taskDone()}.
 *
 * <p>One instance per queue, returned by every {@code join()} call; it may be awaited any number
 * of times. Loop thread only.
 */
final class JoinOp implements Coroutine<Void>, Awaitable {
    private final Queue<?> queue;

    JoinOp(Queue<?> queue) {
        this.queue = queue;
    }

    @Override
    public Object awaitFrom(Frame caller) {
        return queue.awaitJoin(caller);
    }

    @Override
    public String toString() {
        return "Queue.join()";
    }
}
