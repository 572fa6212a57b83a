package dev.weft.process;

/**
 * A pipe transport's pump thread as the loop-close hook sees it: stop it, then wait a bounded
 * time for it to end.
 *
 * <p>Threading: both methods may be called on any thread.
 */
interface PipePump {

    /** Asks the pump to end: at once if it waits for the loop, after its current read or write. */
    void shutdown();

    /** Waits up to {@code millis} for the pump thread to end; whether it has (or never began). */
    boolean join(long millis) throws InterruptedException;
}
