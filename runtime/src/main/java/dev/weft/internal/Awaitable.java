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
     * @param caller the frame whose body executes the {@code await}; never null
     * @return the awaited value when it is available now, or {@link Frame#SUSPENDED} after the
     *     caller's task has been registered to be resumed when the value is ready
     * @throws Throwable the awaited computation's exception, unchanged (thrown sneakily)
     */
    Object awaitFrom(Frame caller);
}
