package dev.weft;

/**
 * An asynchronous generator: what calling an {@code @Async} method declared to return
 * {@code AsyncGenerator<Y>} gives. Its body may both {@code Weft.await(...)} and
 * {@code Weft.yield(value)}; it ends with {@code return AsyncGenerator.end();} (or
 * {@code return null;}).
 *
 * <p>Consume it from a coroutine; {@link #hasNext()} runs the body on the consumer's task until
 * it yields (true) or ends (false), suspending the consumer while the body awaits:
 * <pre>{@code
 * try (AsyncGenerator<String> lines = readLines(socket)) {
 *     while (Weft.await(lines.hasNext())) {
 *         String line = lines.next();
 *         if (line.isEmpty()) break;        // leaving early closes the generator
 *     }
 * }
 * }</pre>
 * Leaving the {@code try} block early closes the generator: {@link GeneratorExit} is thrown at
 * its pending yield so its {@code finally} blocks run — at once when they do not await, else as
 * a task on the running loop (asyncio's async-generator finalizer does the same). Await
 * {@link #aclose()} instead to wait for the cleanup.
 *
 * <p>Threading: confined to the loop thread of the task that consumes it.
 *
 * @param <Y> the type of the values it yields
 */
public interface AsyncGenerator<Y> extends AutoCloseable {

    /** The marker an async generator body returns to end: {@code return AsyncGenerator.end();}. */
    static <Y> AsyncGenerator<Y> end() {
        throw NotWoven.at("AsyncGenerator.end");
    }

    /**
     * A coroutine that runs the generator to its next yield and completes with true, or with
     * false when the generator has ended. Await it: {@code Weft.await(gen.hasNext())}. Calling it
     * again before {@link #next()} consumed the value answers true at once.
     */
    Coroutine<Boolean> hasNext();

    /**
     * The value found by the last {@code hasNext()} that answered true.
     *
     * @throws java.util.NoSuchElementException if there is none
     */
    Y next();

    /**
     * A coroutine that closes the generator: throws {@link GeneratorExit} at its pending yield,
     * waits for its {@code finally} blocks (which may await), and completes; fails if the
     * generator yields again.
     */
    Coroutine<Void> aclose();

    /**
     * Closes the generator without waiting (for try-with-resources); see the class comment.
     *
     * @throws IllegalStateException if cleanup must run but no loop is running on this thread
     */
    @Override
    void close();

    /** Where the generator is in its life cycle. */
    GeneratorState state();
}
