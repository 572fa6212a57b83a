package dev.weft.internal;

import dev.weft.Future;

/**
 * Two things weft's own packages outside {@code dev.weft} may do to a {@link Future} that
 * application code may not: complete it with a result that is computed only when it is taken,
 * and make it pending again. Together they let one future serve many waits, allocation-free,
 * with the waiting code's work done at the moment its task resumes (a stream reader's data
 * waiter, {@code dev.weft.net.ReadWaiter}).
 *
 * <p>Not API: public only because {@code dev.weft.net} is another package than {@code Future},
 * whose state must stay private there. The one instance is installed by {@code Future}'s static
 * initialiser (the pattern of {@link LoopAccess}); application code must not call it, and the
 * futures it is used on must never be handed to application code.
 *
 * <p>Threading: {@link #get()} is safe on any thread; the other methods must be called on the
 * future's loop thread.
 */
public abstract class FutureAccess {
    private static volatile FutureAccess instance;

    /** For the one implementation, in {@code Future}. */
    protected FutureAccess() {
    }

    /**
     * Computes the result of a future completed with {@link #completeDeferred}, when the result
     * is taken.
     */
    public interface Source {
        /**
         * The result: called each time the future's outcome is taken — by the task that awaited
         * it, as it resumes (exactly once), or by {@code result()}. To fail the taker, throw the
         * exception it gets, unchanged, checked or not (thrown sneakily, hence undeclared).
         *
         * @return the value the taker gets
         */
        Object take();
    }

    /** Installs the implementation; the first call wins, later ones are ignored. */
    public static void install(FutureAccess hooks) {
        synchronized (FutureAccess.class) {
            if (instance == null) {
                instance = hooks;
            }
        }
    }

    /** The installed instance; initialises {@code Future} if needed. */
    public static FutureAccess get() {
        FutureAccess h = instance;
        if (h != null) {
            return h;
        }
        try {
            Class.forName("dev.weft.Future", true, FutureAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("weft runtime is incomplete: dev.weft.Future is "
                    + "missing from the class path", e);
        }
        return instance;
    }

    /**
     * Completes {@code future} (its callbacks are scheduled, its waiting task is woken) with a
     * result that {@code source} computes when it is taken. Until then nothing is computed: a task
     * that is cancelled before it resumes never takes it (unless the future's own
     * {@code cancel} keeps the cancellation for the taking, as the reader's waiter does).
     *
     * @return false if the future was already done
     */
    public abstract boolean completeDeferred(Future<?> future, Source source);

    /**
     * Makes the done {@code future} pending again, without callbacks, to be awaited anew. Call it
     * only once nothing can take the old outcome any more — for a future one task awaited, once
     * that task has resumed (from within {@link Source#take()} at the latest).
     *
     * @throws IllegalStateException if the future is pending or has callbacks still registered
     */
    public abstract void reset(Future<?> future);
}
