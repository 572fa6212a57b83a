package dev.weft.queue;

/**
 * A last-in, first-out {@link Queue}: asyncio's {@code LifoQueue}, which hands out the most
 * recently added item first.
 *
 * <p>Everything else — waiting, fairness among waiters, cancellation safety, {@code taskDone},
 * {@code join}, {@code shutdown} — is {@link Queue}'s. A woven getter takes the top of the stack
 * when its task resumes, so an item added between its wake-up and its resumption is the one it
 * gets. Threading and null policy as for {@link Queue}: loop thread only; null items rejected.
 *
 * @param <T> the type of the items
 */
public class LifoQueue<T> extends Queue<T> {

    /** Creates an unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /** Creates a LIFO queue of at most {@code maxsize} items; zero or less means unbounded. */
    public LifoQueue(int maxsize) {
        super(maxsize, new LifoStore<>(initialCapacity(maxsize)));
    }
}
