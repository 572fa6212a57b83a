package dev.weft.sync;

/**
 * A {@link Semaphore} that refuses to be released more often than it was acquired: asyncio's
 * {@code BoundedSemaphore}. A release that would leave more permits free than the initial value
 * fails with {@link IllegalStateException} (asyncio's {@code ValueError}) and changes nothing,
 * which catches a double release early.
 *
 * <p>As asyncio's counter does, the check counts the free permits and those handed to woken
 * waiters whose tasks have not run yet: a release while a waiter is queued succeeds (its permit
 * goes to that waiter) unless every permit is already free or on its way to a woken waiter.
 *
 * <p>Loop binding, threading and null policy are those of {@link Semaphore}.
 */
public final class BoundedSemaphore extends Semaphore {

    /**
     * Creates a bounded semaphore with {@code value} free permits, which is also the most it may
     * ever have free.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(value, true);
    }
}
