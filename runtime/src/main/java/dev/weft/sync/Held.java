package dev.weft.sync;

/**
 * A lock, condition or semaphore permit held by the code that awaited it: weft's form of
 * asyncio's {@code async with lock:}. Closing it releases what it holds, so a
 * try-with-resources block holds the lock for exactly its body, however the body ends:
 *
 * <pre>{@code
 * try (Held held = Weft.await(lock.hold())) {
 *     // the lock is held here, across awaits too
 * } // released here, also when the body throws or its task is cancelled
 * }</pre>
 *
 * <p>{@link #close()} declares no checked exception, so the block needs no {@code catch}. It is
 * idempotent: the first call releases, later calls do nothing, so an explicit early
 * {@code close()} inside the block is safe.
 *
 * <p>javac's {@code -Xlint:try} warns that such a resource is never referenced in the block;
 * {@code @SuppressWarnings("try")} silences it (from Java 22 on, name it {@code _}).
 *
 * <p>Threading: close it on the primitive's loop thread, like the primitive's own
 * {@code release()}; elsewhere it fails with {@link IllegalStateException} and holds on.
 */
public interface Held extends AutoCloseable {

    /**
     * Releases what this object holds, the first time it is called; afterwards does nothing.
     *
     * @throws IllegalStateException if called on a thread other than the primitive's loop's
     *     (then it still holds, and a later call on the right thread releases), or if the
     *     primitive was released behind this object's back (for a lock: it is not locked)
     */
    @Override
    void close();
}
