package dev.weft.queue;

/**
 * The exception {@link Queue#getNowait} throws when the queue has no item it could hand out:
 * asyncio's {@code QueueEmpty}. {@link Queue#get} waits for an item instead of throwing it.
 *
 * <p>Unchecked. The queue is left as it was. An item already promised to a woken getter does not
 * count as available (see {@link Queue#empty()}).
 */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which queue was empty; may be null
     */
    public QueueEmpty(String message) {
        super(message);
    }
}
