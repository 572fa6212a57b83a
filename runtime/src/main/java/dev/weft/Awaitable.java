package dev.weft;

/**
 * What the combinators accept, typed by its value: a {@link Coroutine} or a {@link Future} (a
 * {@link Task} included), asyncio's "awaitable". It exists so that {@link Weft#gather},
 * {@link Weft#wait} and {@link Weft#asCompleted} infer their element type from a typed collection
 * — {@code for (var f : Weft.asCompleted(tasks))} gives {@code Future<String>} for a
 * {@code List<Task<String>>} — and accept a mix of coroutines and tasks of one type.
 *
 * <p>It has no methods and is sealed: only {@code Coroutine} and {@code Future} implement it. Await
 * one with the {@code Weft.await} overload for its kind. (Not to be confused with the runtime's
 * internal {@code dev.weft.internal.Awaitable}, the protocol woven code awaits through.)
 *
 * @param <T> the type of the value it completes with
 */
public sealed interface Awaitable<T> permits Coroutine, Future {
}
