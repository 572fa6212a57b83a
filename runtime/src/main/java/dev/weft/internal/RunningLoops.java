package dev.weft.internal;

/**
 * How many event loops are running in the JVM right now: when none is, code that may run far
 * from any loop (an eager {@code @Async} call, {@link EagerStart}) knows without a thread-local
 * lookup that none runs on its thread either.
 *
 * <p>Updated by the loop as it starts and stops running; safe on any thread.
 */
public final class RunningLoops {
    /** Written under the class's monitor (loops start and stop rarely); read without it. */
    private static volatile int count;

    private RunningLoops() {
    }

    /** A loop started running on the calling thread; called by {@code dev.weft} only. */
    public static synchronized void entered() {
        count++;
    }

    /** A loop stopped running on the calling thread; called by {@code dev.weft} only. */
    public static synchronized void exited() {
        count--;
    }

    /** Whether no loop runs anywhere in the JVM; one volatile read. */
    static boolean none() {
        return count == 0;
    }
}
