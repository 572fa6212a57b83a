package dev.weft;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One pending task as a task dump sees it: its name, state and await chain, and what its
 * innermost frame waits on. The structured form of {@link Weft#dumpTasks()}, for tools and tests;
 * made by {@link TaskDump#snapshot(EventLoop)}.
 *
 * <p>Immutable. Null policy: {@code waitsOn} and {@code sleepRemaining} may be null (see each);
 * the other components never are.
 *
 * @param name the task's name ({@link Task#getName()})
 * @param state what the task is doing
 * @param cancelling pending cancellation requests ({@link Task#cancelling()})
 * @param awaitChain the task's coroutine frames, innermost first, each as
 *     {@code Class.method(File.java:line)} at the line of its pending await (the method's first
 *     line for a coroutine that has not started); for a running task, the loop thread's Java
 *     stack of that task instead, down to the runtime's trampoline
 * @param waitsOn what the innermost frame waits on, described for people (a future, another
 *     task, a lock, a queue, a socket read, a sleep); null when the task is not waiting
 * @param sleepRemaining for a sleeping task, how long until it wakes on the loop's clock (zero
 *     once due); null otherwise
 */
public record TaskInfo(String name, State state, int cancelling, List<StackTraceElement> awaitChain,
        String waitsOn, Duration sleepRemaining) {

    /** What a pending task is doing. */
    public enum State {
        /** Created and scheduled; its coroutine has not run a line yet. */
        CREATED,
        /** Its step runs now on the loop thread. */
        RUNNING,
        /** Scheduled to run on a coming iteration: woken, yielding ({@code sleep(0)}), or cancelled. */
        READY,
        /** Suspended on a future (which may stand for a task, a lock, a queue or a read). */
        WAITING,
        /** Suspended in {@code Weft.sleep} until a deadline on the loop's clock. */
        SLEEPING
    }

    /** Checks the components and takes an unmodifiable copy of the chain. */
    public TaskInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        awaitChain = List.copyOf(awaitChain);
    }

    /** The innermost frame of the chain, or null if the chain is empty. */
    public StackTraceElement innermost() {
        return awaitChain.isEmpty() ? null : awaitChain.get(0);
    }
}
