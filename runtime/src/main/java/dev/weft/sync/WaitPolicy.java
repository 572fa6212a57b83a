package dev.weft.sync;

/**
 * What a primitive does when one of its {@link SyncWaiter}s is granted, or cancelled: the one place
 * where Lock, Semaphore, Condition, Event and Barrier differ in how they treat a waiter.
 *
 * <p>The defaults fit a waiter that holds nothing back when it gives up (an {@link Event}'s, a
 * {@link Barrier}'s): granting completes it with its {@link SyncWaiter#grant} value, cancelling a
 * pending one just takes it out of its queue, and cancelling one that was already granted gives
 * nothing back.
 *
 * <p>Threading: called on the primitive's loop thread only. Stateless apart from the primitive
 * a subclass belongs to.
 */
abstract class WaitPolicy {
    /** The policy of waiters that hold nothing back. */
    static final WaitPolicy PLAIN = new WaitPolicy() {
    };

    /**
     * Hands {@code w}, already taken out of its queue, what it waited for, and completes it.
     *
     * @return true if {@code w} took it; false if it declined and waits again (a condition's
     *     waiter whose predicate is still false), so the caller must offer it to the next one
     */
    boolean grant(SyncWaiter w) {
        w.grantDeferred();
        return true;
    }

    /**
     * The task of the pending {@code w} is being cancelled with {@code msg}.
     *
     * @return false to have {@code w} cancelled now (after leaving its queue here); true if the
     *     policy keeps it pending and completes it itself later (a condition's waiter first
     *     re-acquires its lock)
     */
    boolean cancelPending(SyncWaiter w, String msg) {
        w.list().remove(w);
        return false;
    }

    /**
     * {@code w} was granted, but its task is cancelled before it ran, so the task will see a
     * {@code CancelledError} instead of what {@code w} was given: give it to someone else.
     * Called at most once per waiter.
     */
    void forfeit(SyncWaiter w) {
    }

    /** {@code w}'s task resumed and took what it was granted (or the failure it was granted with). */
    void taken(SyncWaiter w) {
    }

    /**
     * {@code w}'s task resumed after {@link #forfeit}: it gets a {@code CancelledError} now. A
     * condition's waiter still holds the lock then; a lock's or a semaphore's holds nothing.
     */
    void takenForfeited(SyncWaiter w) {
    }

    /** What a waiter of this policy waits for, for task dumps; any thread, may read racily. */
    String describe() {
        return "a synchronisation primitive";
    }

    /** A policy like {@link #PLAIN} whose waiters are described by {@code description}. */
    static WaitPolicy plain(java.util.function.Supplier<String> description) {
        return new WaitPolicy() {
            @Override
            String describe() {
                return description.get();
            }
        };
    }
}
