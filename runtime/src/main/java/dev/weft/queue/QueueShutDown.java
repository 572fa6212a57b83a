package dev.weft.queue;

/**
 * The exception a queue operation throws once {@link Queue#shutdown(boolean)} has been called:
 * asyncio's {@code QueueShutDown} (Python 3.13). {@code put} and {@code putNowait} throw it at
 * once after a shutdown; {@code get} and {@code getNowait} throw it when no item is left for
 * them; callers waiting in {@code put} or {@code get} when the queue shuts down are woken with it.
 *
 * <p>Unchecked. A new instance is thrown each time, with the stack of the caller it reaches.
 */
public class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which operation met the shut-down queue; may be null
     */
    public QueueShutDown(String message) {
        super(message);
    }
}
