package dev.weft;

/**
 * A lazy coroutine object: what calling an {@code @Async} method returns.
 *
 * <p>Creating one runs nothing (as {@code coro = outer()} in Python). It runs when it is awaited
 * with {@link Weft#await(Coroutine)} — inline on the awaiting task, with no loop round trip if it
 * never suspends — or when it is wrapped in a task with {@link Weft#createTask(Coroutine)}. A
 * coroutine object runs at most once; awaiting it a second time fails with
 * {@link IllegalStateException}.
 *
 * <p>Threading: a coroutine runs on the thread of the event loop that runs its task. It is not
 * thread-safe and must not be shared between loops.
 *
 * @param <T> the type of the value the coroutine completes with
 */
public non-sealed interface Coroutine<T> extends Awaitable<T> {
}
