package dev.weft.internal;

/**
 * Something a woven frame can await: a coroutine frame, a {@link dev.weft.Future}, a sleep.
 *
 * <p>Internal protocol between woven code and the runtime; not for application code.
 * Called on the loop thread only.
 */
public interface Awaitable {

    /**
     * Starts or checks the wait on behalf of {@code caller}.
     *
     * <p>When the awaited computation failed, its exception is thrown from here unchanged, checked
     * or not (thrown sneakily, hence undeclared: javadoc's {@code @throws} cannot name it).
     *
     * @param caller the frame whose body executes the {@code await}; never null
     * @return the awaited value when it is available now, or {@link Frame#SUSPENDED} after the
     *     caller's task has been registered to be resumed when the value is ready
     */
    Object awaitFrom(Frame caller);
}
