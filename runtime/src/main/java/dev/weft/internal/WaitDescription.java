package dev.weft.internal;

/**
 * A runtime object a task can wait on that says, for task dumps, what the wait is: a lock's
 * acquire, a queue's get, a socket read. Implemented by the waiters of {@code dev.weft.sync},
 * {@code dev.weft.queue} and {@code dev.weft.net}, which the core may not import.
 *
 * <p>Not API. Implementations must answer on any thread without blocking (a dump may be taken
 * while the loop thread is busy) and accept that what they read may be changing.
 */
public interface WaitDescription {

    /** What the wait is, for people: {@code Lock.acquire() on <Lock [locked, waiters:1]>}. */
    String describeWait();
}
