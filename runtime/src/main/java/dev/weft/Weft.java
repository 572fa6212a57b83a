package dev.weft;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The entry points of weft, named after asyncio's module functions: {@code await}, {@code run},
 * {@code sleep}, {@code createTask}.
 *
 * <p>{@link #await(Coroutine)} and {@link #done(Object)} are markers for the weaver: inside a
 * woven {@code @Async} method their calls are replaced by suspension code and never reach these
 * bodies. Reaching them means the calling method was not woven, which is reported with an
 * {@link IllegalStateException} naming the method and how to enable weaving.
 *
 * <p>Threading: {@link #run(Coroutine)} may be called on any thread that does not already run a
 * loop; everything else must be called on the running loop's thread.
 */
public final class Weft {
    private Weft() {
    }

    // ---- markers replaced by the weaver -------------------------------------------------------

    /**
     * Waits for {@code coro} to complete and returns its value (Python's {@code await coro}).
     * The coroutine runs inline on the caller's task; the original exception of the coroutine is
     * rethrown here unchanged.
     *
     * @throws IllegalStateException if the calling method was not woven
     */
    public static <T> T await(Coroutine<T> coro) {
        throw NotWoven.at("Weft.await");
    }

    /** Waits for a future or task and returns its result; see {@link #await(Coroutine)}. */
    public static <T> T await(Future<T> future) {
        throw NotWoven.at("Weft.await");
    }

    /**
     * Waits for a {@link CompletionStage} (for example a {@code CompletableFuture}) completed by
     * any thread and returns its value; its exception is rethrown unwrapped from
     * {@code CompletionException}.
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotWoven.at("Weft.await");
    }

    /**
     * Completes the enclosing {@code @Async} method with {@code value}: write
     * {@code return Weft.done(value);}. The weaver removes the call, so it allocates nothing.
     */
    public static <T> Coroutine<T> done(T value) {
        throw NotWoven.at("Weft.done");
    }

    /** Completes the enclosing {@code Coroutine<Void>} method: {@code return Weft.done();}. */
    public static Coroutine<Void> done() {
        throw NotWoven.at("Weft.done");
    }

    /**
     * Yields {@code value} from the enclosing {@code @Async Generator<Y, S>} method and returns
     * what the consumer sends next (null for {@code next()}): Python's {@code got = yield value}.
     * Must be called qualified, {@code Weft.yield(x)}: Java forbids an unqualified call to a
     * method named {@code yield}. The weaver replaces the call.
     *
     * @throws IllegalStateException if the calling method was not woven
     */
    public static <S> S yield(Object value) {
        throw NotWoven.at("Weft.yield");
    }

    /**
     * Delegates the enclosing generator to {@code sub} until it finishes (PEP 380's
     * {@code yield from}): its values go straight to this generator's consumer, and what the
     * consumer sends, throws or closes is forwarded. Returns the sub-generator's return value.
     *
     * @throws IllegalStateException if the calling method was not woven
     */
    public static <R> R yieldFrom(Generator<?, ?> sub) {
        throw NotWoven.at("Weft.yieldFrom");
    }

    /**
     * Yields every element of {@code values} from the enclosing generator, as Python's
     * {@code yield from iterable} does for a list or a range; returns null. A value the consumer
     * sends meanwhile must be null (there is nothing to send it to).
     *
     * @throws IllegalStateException if the calling method was not woven
     */
    public static <R> R yieldFrom(Iterable<?> values) {
        throw NotWoven.at("Weft.yieldFrom");
    }

    // ---- running -----------------------------------------------------------------------------

    /**
     * Runs {@code coro} on a fresh event loop until it completes and returns its value (asyncio's
     * {@code run}); then cancels the tasks still pending, lets them finish their cleanup, and
     * closes the loop. The coroutine's exception is rethrown unchanged.
     *
     * @throws IllegalStateException if called on a thread that is running a loop
     */
    public static <T> T run(Coroutine<T> coro) {
        return run(coro, Boolean.getBoolean(DebugMonitor.PROPERTY));
    }

    /**
     * {@link #run(Coroutine)} with the loop's debug mode on or off (asyncio's
     * {@code run(main(), debug=True)}): slow callbacks and task steps are logged with the task's
     * name, and coroutines created during the run and never awaited are logged with the place
     * they were created; see {@link EventLoop#setDebug}.
     */
    public static <T> T run(Coroutine<T> coro, boolean debug) {
        if (EventLoop.currentOrNull() != null) {
            throw new IllegalStateException("Weft.run() cannot be called from a running event loop: "
                    + "await the coroutine or create a task instead");
        }
        EventLoop loop = EventLoop.create();
        loop.setDebug(debug);
        try {
            return loop.runUntilComplete(loop.createTask(coro));
        } finally {
            try {
                cancelLeftovers(loop);
            } finally {
                loop.close();
            }
        }
    }

    private static void cancelLeftovers(EventLoop loop) {
        List<Task<?>> left = loop.tasks.snapshot();
        if (left.isEmpty()) {
            return;
        }
        Future<Void> allDone = loop.createFuture();
        int[] pending = {left.size()};
        for (Task<?> t : left) {
            t.cancel();
            t.addDoneCallback(f -> {
                if (--pending[0] == 0) {
                    allDone.setResult(null);
                }
            });
        }
        loop.runUntilComplete(allDone);
        for (Task<?> t : left) {
            if (!t.cancelled() && t.exception() != null) {
                loop.reportException("unhandled exception during Weft.run() shutdown: " + t, t.exception());
            }
        }
    }

    /**
     * A coroutine that sleeps for {@code millis} milliseconds on the loop's clock;
     * {@code sleep(0)} gives the other ready callbacks exactly one turn.
     */
    public static Coroutine<Void> sleep(long millis) {
        return Sleep.of(Math.multiplyExact(millis, 1_000_000L));
    }

    /** A coroutine that sleeps for {@code delay}; see {@link #sleep(long)}. */
    public static Coroutine<Void> sleep(Duration delay) {
        return Sleep.of(delay.toNanos());
    }

    // ---- tasks and the loop ------------------------------------------------------------------

    /** Schedules {@code coro} as a new task on the running loop (asyncio's {@code create_task}). */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return loop().createTask(coro);
    }

    /** Schedules {@code coro} as a new named task on the running loop. */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return loop().createTask(coro, name);
    }

    /** Wraps {@code coro} in a task on the running loop (asyncio's {@code ensure_future}). */
    public static <T> Task<T> ensureFuture(Coroutine<T> coro) {
        return createTask(coro);
    }

    /** Returns {@code future} itself (asyncio's {@code ensure_future} on a future). */
    public static <T> Future<T> ensureFuture(Future<T> future) {
        return future;
    }

    // ---- waiting for several awaitables -------------------------------------------------------

    /**
     * A future of the results of {@code coros}, in argument order, once all are done (asyncio's
     * {@code gather}); each coroutine runs as its own task. The first failure completes it with
     * that exception; cancelling it cancels every child. Await it: {@code Weft.await(Weft.gather(a, b))}.
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Coroutine<? extends T>... coros) {
        return gather(List.of(coros), false);
    }

    /** {@link #gather(Coroutine...)} over futures and tasks: {@code Weft.await(Weft.gather(task1, task2))}. */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Future<? extends T>... futures) {
        return gather(List.of(futures), false);
    }

    /** {@link #gather(Coroutine...)} over a collection of coroutines, futures, tasks or stages. */
    public static <T> Future<List<T>> gather(Collection<?> awaitables) {
        return gather(awaitables, false);
    }

    /**
     * {@link #gather(Coroutine...)} over any awaitables (coroutines, futures, tasks, stages); with
     * {@code returnExceptions}, a failed child's exception takes its place in the list instead.
     */
    public static <T> Future<List<T>> gather(Collection<?> awaitables, boolean returnExceptions) {
        EventLoop loop = loop();
        return new Gathering<>(loop, FutureOf.<T>all(awaitables, loop), returnExceptions);
    }

    /** Waits until all of {@code awaitables} are done; see {@link #wait(Collection, Duration, ReturnWhen)}. */
    public static <T> Future<WaitResult<T>> wait(Collection<?> awaitables) {
        return wait(awaitables, null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * A future of the done/pending split of {@code awaitables} once {@code when} holds or
     * {@code timeout} (null for none) passes (asyncio's {@code wait}). Coroutines are wrapped in
     * tasks first; nothing is ever cancelled.
     */
    public static <T> Future<WaitResult<T>> wait(Collection<?> awaitables, Duration timeout, ReturnWhen when) {
        EventLoop loop = loop();
        return new Waiting<>(loop, FutureOf.<T>all(awaitables, loop), timeout, when);
    }

    /**
     * A coroutine that awaits {@code awaitable} for at most {@code timeout} (asyncio's
     * {@code wait_for}): {@code T v = Weft.await(Weft.waitFor(queue.get(), Duration.ofSeconds(1)))}.
     * It completes with the awaitable's value or rethrows its exception; once the timeout passes,
     * the awaitable is cancelled, its cleanup is awaited, and {@link TimeoutError} is thrown (its
     * cause is the {@link CancelledError}). If the awaitable swallows the cancellation and returns
     * a value, that value is the result.
     *
     * <p>How each kind of awaitable is waited for, as in Python 3.12:
     * <ul>
     * <li>A {@link Coroutine} runs inline in the caller's task, under a {@link #timeout} scope;
     *     no task is created. So when the caller is cancelled, the cancellation is delivered
     *     inside the coroutine, at the await where it is suspended, and the primitive it waits on
     *     (a queue's {@code get}, a lock's {@code acquire}) sees it and hands its item or turn to
     *     the next waiter: nothing taken can be lost. Nested {@code waitFor}s are exact: only the
     *     one whose deadline passed throws {@code TimeoutError}; those inside it see its
     *     {@code CancelledError} go through.</li>
     * <li>A {@link Future} or {@link Task} is awaited directly. On timeout it is cancelled (a task
     *     then runs its cleanup, which is awaited); when the caller is cancelled, it is cancelled
     *     too, and the caller, as whenever it awaits a task, goes on waiting until that task has
     *     finished. A future that has already completed cannot be cancelled: if the caller is
     *     cancelled after the future completed but before the caller resumed, the caller gets
     *     the {@code CancelledError} and the value stays in the future, where whoever holds it
     *     can still read it with {@link Future#result()}. That is inherent in handing over a
     *     future; pass the coroutine itself to let the primitive see the cancellation.</li>
     * <li>A {@link CompletionStage} is awaited as {@link #await(CompletionStage)} does; on
     *     timeout the wait stops, the stage itself is not cancelled.</li>
     * </ul>
     *
     * <p>{@code timeout} null waits without a limit. A zero or negative timeout times out at once,
     * as in asyncio: a future already done gives its outcome; any other awaitable is made a future
     * (a coroutine becomes a task that is cancelled before it runs a line), cancelled, waited for,
     * and gives its value only if it swallowed the cancellation, else {@code TimeoutError}.
     *
     * <p>API note: this used to return a {@code Future<T>} and run a coroutine in a task of its
     * own. It returns a {@code Coroutine<T>} now: {@code Weft.await(Weft.waitFor(...))} compiles
     * and works unchanged, but like every coroutine it is lazy (the deadline counts from the
     * await, not from this call) and runs once. For a future that runs on its own, make it a
     * task: {@code Weft.createTask(Weft.waitFor(coro, d))}.
     *
     * <p>Threading: may be called on any thread; the coroutine must be awaited in a task on a
     * loop's thread. Null policy: {@code awaitable} must not be null; {@code timeout} may be.
     *
     * @throws IllegalArgumentException if {@code awaitable} is null or not a coroutine, future or
     *     stage
     */
    public static <T> Coroutine<T> waitFor(Object awaitable, Duration timeout) {
        return WaitFor.of(awaitable, timeout);
    }

    /**
     * One future per awaitable, completing in the order the awaitables finish (asyncio's
     * {@code as_completed}): {@code for (Future<T> next : Weft.asCompleted(list)) { T v = Weft.await(next); }}.
     */
    public static <T> List<Future<T>> asCompleted(Collection<?> awaitables) {
        return asCompleted(awaitables, null);
    }

    /** {@link #asCompleted(Collection)}; after {@code timeout} the futures still pending fail with {@link TimeoutError}. */
    public static <T> List<Future<T>> asCompleted(Collection<?> awaitables, Duration timeout) {
        EventLoop loop = loop();
        return Combinators.asCompleted(loop, FutureOf.<T>all(awaitables, loop), timeout);
    }

    /**
     * A future with {@code awaitable}'s outcome that protects it from cancellation (asyncio's
     * {@code shield}): cancelling the returned future (or the task awaiting it) leaves the
     * awaitable running.
     */
    public static <T> Future<T> shield(Object awaitable) {
        EventLoop loop = loop();
        return Combinators.shield(loop, FutureOf.of(awaitable, loop));
    }

    // ---- timeouts ------------------------------------------------------------------------------

    /**
     * A deadline {@code delay} from now for a body run in the current task (asyncio's
     * {@code timeout}): {@code Weft.await(Weft.timeout(d).run(body()))} completes with the body's
     * value, or throws {@link TimeoutError} once the deadline has passed and the body, cancelled,
     * has finished its cleanup. Only the scope's own cancellation becomes a {@code TimeoutError};
     * see {@link Timeout}.
     *
     * @param delay the time allowed, or null for no deadline (one may be set later with
     *     {@link Timeout#reschedule})
     */
    public static Timeout timeout(Duration delay) {
        EventLoop loop = loop();
        if (delay == null) {
            return new Timeout(loop, false, 0);
        }
        return new Timeout(loop, true, Deadlines.after(loop.nanoTime(), Deadlines.saturatedNanos(delay)));
    }

    /**
     * {@link #timeout(Duration)} with an absolute deadline on the scale of
     * {@link EventLoop#nanoTime()} (asyncio's {@code timeout_at}).
     */
    public static Timeout timeoutAt(long deadlineNanos) {
        return new Timeout(loop(), true, deadlineNanos);
    }

    /**
     * The event loop running on the calling thread (asyncio's {@code get_running_loop}).
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static EventLoop loop() {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop == null) {
            throw NotWoven.explained("no running event loop on thread "
                    + Thread.currentThread().getName() + ": start one with Weft.run(coro)");
        }
        return loop;
    }

    /**
     * The task running now on the calling thread's loop (asyncio's {@code current_task}): empty
     * in a plain callback or with no loop running.
     */
    public static Optional<Task<?>> currentTask() {
        EventLoop loop = EventLoop.currentOrNull();
        return Optional.ofNullable(loop == null ? null : loop.currentTask);
    }

    /**
     * The running loop's tasks that are not done yet, the current one included (asyncio's
     * {@code all_tasks}); a snapshot, newest first. The loop holds every pending task strongly,
     * so none is missing for having no other reference.
     */
    public static List<Task<?>> allTasks() {
        return loop().tasks.snapshot();
    }
}
