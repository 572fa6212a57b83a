package dev.weft.queue;

/**
 * The exception {@link Queue#putNowait} throws when the queue has no free slot: asyncio's
 * {@code QueueFull}. {@link Queue#put} waits for a slot instead of throwing it.
 *
 * <p>Unchecked. The queue is left as it was; the item was not added.
 */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which queue was full; may be null
     */
    public QueueFull(String message) {
        super(message);
    }
}
