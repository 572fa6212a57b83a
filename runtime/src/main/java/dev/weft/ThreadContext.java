package dev.weft;

import java.util.concurrent.Callable;

/**
 * The {@link ContextVar} values of a job running on a thread that runs no event loop: what
 * {@link Weft#toThread} hands its job, as asyncio's {@code to_thread} runs its function in
 * {@code contextvars.copy_context()}.
 *
 * <p>A job runs in the context of the task that started it, and what the job sets with
 * {@link ContextVar#set} stays in the job: contexts are immutable, so the thread holds its own
 * reference, which a set replaces. Jobs nest (a job that calls another job inline): the outer
 * context is restored when the inner job ends.
 *
 * <p>Threading: each thread sees only its own context. Null policy: contexts are never null.
 */
final class ThreadContext {
    /** A one-element holder, so a {@code set} in the job replaces the value without a new lookup. */
    private static final ThreadLocal<Context[]> CURRENT = new ThreadLocal<>();

    private ThreadContext() {
    }

    /** The context of the job running on this thread, or null when no job runs here. */
    static Context currentOrNull() {
        Context[] holder = CURRENT.get();
        return holder == null ? null : holder[0];
    }

    /**
     * Replaces the context of the job running on this thread.
     *
     * @return false, changing nothing, when no job runs on this thread
     */
    static boolean replace(Context context) {
        Context[] holder = CURRENT.get();
        if (holder == null) {
            return false;
        }
        holder[0] = context;
        return true;
    }

    /** Calls {@code job} with {@code context} as this thread's context; restores the previous one. */
    static <T> T call(Context context, Callable<T> job) throws Exception {
        Context[] outer = CURRENT.get();
        CURRENT.set(new Context[] {context});
        try {
            return job.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
