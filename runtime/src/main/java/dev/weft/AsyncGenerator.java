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
 * Leaving the {@code try} block early closes the generator, as asyncio's {@code aclosing} does:
 * {@link GeneratorExit} is thrown at its pending yield and its {@code finally} blocks run before
 * the statement after the block. Java's {@code close()} cannot suspend, so a {@code finally}
 * that awaits something not yet done runs up to that await inside {@code close()} and goes on as
 * a task on the running loop. When the cleanup awaits, await {@link #aclose()} instead (in the
 * block's last statement or a {@code finally}), which waits for all of it:
 * <pre>{@code
 * AsyncGenerator<String> lines = readLines(socket);
 * try {
 *     ...
 * } finally {
 *     Weft.await(lines.aclose());   // the cleanup, awaits included, is over here
 * }
 * }</pre>
 *
 * <p>A generator left open is closed by {@link Weft#run} before it closes the loop (asyncio's
 * {@code shutdown_asyncgens}; see {@link EventLoop#shutdownAsyncGenerators}), so its
 * {@code finally} blocks run even if the program forgot it, as long as the program still holds
 * it: the loop holds started generators weakly, and one that was garbage collected cannot run
 * its cleanup. Closing a generator that has not started or has finished does nothing.
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
     * waits for its {@code finally} blocks (which may await), and completes; fails with
     * {@link IllegalStateException} if the generator yields again, or if it is running (another
     * task awaits its {@code hasNext()} or {@code aclose()} right now), as asyncio's
     * {@code aclose()} raises {@code RuntimeError}. Completes at once for a generator that has not
     * started or has finished.
     */
    Coroutine<Void> aclose();

    /**
     * Closes the generator at the end of try-with-resources: its cleanup runs now, up to its first
     * await that suspends, and goes on as a task from there; see the class comment. A failure of
     * the part that ran is thrown here; a later one is reported to the loop's exception handler.
     * Does nothing if the generator has not started, has finished, or is already being closed.
     *
     * @throws IllegalStateException if cleanup must run but no loop is running on this thread, or
     *     if the generator yields again instead of finishing
     */
    @Override
    void close();

    /** Where the generator is in its life cycle. */
    GeneratorState state();
}
