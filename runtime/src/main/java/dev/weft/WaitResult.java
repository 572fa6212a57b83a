package dev.weft;

import java.util.Set;

/**
 * What {@link Weft#wait} answers: asyncio's {@code (done, pending)} pair. Both sets iterate in the
 * order the awaitables were given; they are unmodifiable.
 *
 * @param done the futures (or tasks) that are done
 * @param pending those that are not; {@code wait} never cancels them
 * @param <T> the type of the futures' results
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
}
