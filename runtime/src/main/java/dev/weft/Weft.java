package dev.weft;

import dev.weft.internal.Deadlines;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
     * {@code CompletionException}. If the awaiting task is cancelled meanwhile (or a
     * {@link #waitFor} or {@link #timeout} around the await expires), the stage is cancelled too
     * when it is a {@code java.util.concurrent.Future}, as asyncio cancels the future it wraps;
     * await {@link #shield shield(stage)} to keep it running.
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
     * {@code run}); then cancels the tasks still pending, lets them finish their cleanup, closes
     * the async generators that were started and not finished ({@link EventLoop#shutdownAsyncGenerators}),
     * and closes the loop. The coroutine's exception is rethrown unchanged. A subprocess still
     * running then is killed with a warning (the subprocess package's {@code Subprocess} says why).
     *
     * <p>Before closing the loop it shuts the loop's default executor down (the one of
     * {@link #toThread}), waiting for running jobs at most {@code -Dweft.executor.shutdownTimeoutMillis}
     * (30 s by default) and reporting the ones still running, by name, thread and the line
     * they are blocked at, through the loop's exception handler.
     *
     * <p>Ctrl-C: while it runs, the first SIGINT cancels the main task, so its {@code finally}
     * blocks run, and then this method throws {@link KeyboardInterrupt} (asyncio.run's behaviour
     * since Python 3.11); a second SIGINT ends the JVM at once with status 130 (no shutdown
     * hooks: the cleanup is stuck). SIGINT is left as it was, as asyncio leaves it, when the
     * program installed a handler of its own, when another {@code Weft.run} already holds it,
     * when the JVM cannot hand it to Java code ({@code -Xrs}, a process started with SIGINT
     * ignored), and with {@code -Dweft.run.sigint=false}.
     *
     * @throws KeyboardInterrupt if SIGINT cancelled the main task
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
        Task<T> main = loop.createTask(coro);
        RunInterrupt interrupt = RunInterrupt.install(loop, main);
        try {
            return loop.runUntilComplete(main);
        } catch (CancelledError e) {
            throw interrupt.translate(e); // a KeyboardInterrupt if SIGINT cancelled the main task
        } finally {
            try {
                cancelLeftovers(loop);
                loop.executors.shutdownAtExit();
            } finally {
                loop.close();
                interrupt.close();
            }
        }
    }

    /**
     * Cleans up what the main coroutine left behind, in {@code asyncio.run}'s order: cancels the
     * pending tasks and waits for them, then closes the async generators still open, so their
     * {@code finally} blocks run before the loop closes.
     */
    private static void cancelLeftovers(EventLoop loop) {
        cancelTasks(loop);
        loop.runUntilComplete(loop.shutdownAsyncGenerators());
    }

    private static void cancelTasks(EventLoop loop) {
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
                loop.reportException("unhandled exception during Weft.run() shutdown: " + t, t.exception(), t);
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

    // ---- threads: the logic lives in LoopExecutors, CoroutineHandoff, FutureWrapping ----------

    /**
     * Runs the blocking {@code job} on the running loop's default executor and returns a future
     * of its outcome (asyncio's {@code to_thread}): {@code String page = Weft.await(Weft.toThread(() -> http.send(req)))}.
     *
     * <p>The job runs with a copy of the calling task's {@link ContextVar} values; what it sets
     * stays in the job. Its exception, checked or not, is the future's, so {@code await} rethrows
     * it unwrapped. Cancelling the future, or the task awaiting it, cancels the job if it has not
     * started (it never runs) and leaves it running if it has (its result is dropped); pass
     * {@link OnCancel#INTERRUPT} to {@link #toThread(Callable, OnCancel)} to interrupt it instead.
     *
     * <p>The default executor, made on first use, is a pool of daemon platform threads named
     * {@code weft-executor-N}: at most {@code min(32, cores + 4)} ({@code -Dweft.executor.threads=N}),
     * each ending after 60 s idle, further jobs queued; {@code -Dweft.executor=virtual} runs each
     * job on a virtual thread instead (JDK 21+). {@link EventLoop#setDefaultExecutor} replaces it;
     * {@link #run} shuts it down at exit.
     *
     * <p>Threading: on the loop's thread; the job runs on another. Null policy: {@code job} must
     * not be null.
     *
     * @throws IllegalStateException if no loop runs on this thread, or its default executor was
     *     shut down
     * @throws java.util.concurrent.RejectedExecutionException if the default executor rejects the job
     */
    public static <T> Future<T> toThread(Callable<? extends T> job) {
        return toThread(job, OnCancel.LEAVE_RUNNING);
    }

    /** {@link #toThread(Callable)}, where {@code onCancel} says whether cancelling interrupts a running job. */
    public static <T> Future<T> toThread(Callable<? extends T> job, OnCancel onCancel) {
        EventLoop loop = loop();
        loop.checkOpen();
        return loop.executors.submit(null, job, loop.context, onCancel);
    }

    /**
     * Runs {@code coro} as a task of {@code loop}, which runs on another thread, and returns a
     * {@link CompletableFuture} of its outcome (asyncio's {@code run_coroutine_threadsafe}):
     * {@code String s = Weft.runCoroutineThreadsafe(fetch(url), loop).get(5, SECONDS)}. The task's
     * result completes the future, its exception completes it exceptionally (unwrapped: {@code get()}
     * wraps it in {@code ExecutionException}, {@code join()} in {@code CompletionException}, as they
     * always do), its cancellation cancels it; cancelling the future, from any thread, cancels the
     * task. Blocking on the future on the loop's own thread would block the loop for ever.
     *
     * <p>Threading: any thread. Null policy: neither argument may be null.
     *
     * @throws IllegalStateException if {@code loop} is closed or not running (nothing would ever
     *     run the coroutine): start it on its thread first and wait until {@link EventLoop#isRunning()}
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        return CoroutineHandoff.submit(coro, loop);
    }

    /**
     * A future of the running loop with the outcome of {@code future} (asyncio's
     * {@code wrap_future}): a {@link CompletableFuture} is chained (completed on any thread, it
     * completes the wrapper on the loop), any other {@code java.util.concurrent.Future} is waited
     * for by a job of the default executor, and a {@code dev.weft.Future} of this loop is
     * returned as it is. Cancelling the wrapper cancels {@code future} ({@code cancel(false)});
     * its exception arrives unwrapped from {@code ExecutionException}.
     *
     * <p>Threading: on the loop's thread. Null policy: {@code future} must not be null.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T> Future<T> wrapFuture(java.util.concurrent.Future<T> future) {
        EventLoop loop = loop();
        return FutureWrapping.wrap(future, loop);
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
     * that exception. Cancelling it cancels every child and it ends cancelled once the last child
     * is done, so their cleanup is awaited too (see {@link Future#cancel(String)} on the returned
     * future: it answers false, keeping the results, if every child had already finished). Await
     * it: {@code Weft.await(Weft.gather(a, b))}.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // List.of copies the array and never writes to it
    public static <T> Future<List<T>> gather(Coroutine<? extends T>... coros) {
        return gather(List.of(coros), false);
    }

    /** {@link #gather(Coroutine...)} over futures and tasks: {@code Weft.await(Weft.gather(task1, task2))}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // List.of copies the array and never writes to it
    public static <T> Future<List<T>> gather(Future<? extends T>... futures) {
        return gather(List.of(futures), false);
    }

    /**
     * {@link #gather(Coroutine...)} over a mix of coroutines, futures and tasks of one type:
     * {@code Weft.gather(task, coro)}.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // List.of copies the array and never writes to it
    public static <T> Future<List<T>> gather(Awaitable<? extends T>... awaitables) {
        return gather(List.of(awaitables), false);
    }

    /**
     * {@link #gather(Coroutine...)} over a typed collection of coroutines, futures or tasks; the
     * element type is inferred: a {@code List<Task<String>>} gives a {@code Future<List<String>>}.
     */
    public static <T> Future<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables) {
        return gather(awaitables, false);
    }

    /**
     * {@link #gather(Collection)}; with {@code returnExceptions}, a failed child's exception takes
     * its place in the list instead.
     */
    public static <T> Future<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables,
            boolean returnExceptions) {
        return gather((Iterable<?>) awaitables, returnExceptions);
    }

    /**
     * {@link #gather(Coroutine...)} over any mix of awaitables (coroutines, futures, tasks,
     * {@link CompletionStage}s), whose type cannot be inferred: name it,
     * {@code Weft.<String>gather(mixed)}, or take {@code Object}.
     */
    public static <T> Future<List<T>> gather(Iterable<?> awaitables) {
        return gather(awaitables, false);
    }

    /** {@link #gather(Iterable)} with {@code returnExceptions}; see {@link #gather(Collection, boolean)}. */
    public static <T> Future<List<T>> gather(Iterable<?> awaitables, boolean returnExceptions) {
        EventLoop loop = loop();
        return new Gathering<>(loop, FutureOf.<T>all(awaitables, loop), returnExceptions);
    }

    /** Waits until all of {@code awaitables} are done; see {@link #wait(Iterable, Duration, ReturnWhen)}. */
    public static <T> Future<WaitResult<T>> wait(Collection<? extends Awaitable<? extends T>> awaitables) {
        return wait((Iterable<?>) awaitables, null, ReturnWhen.ALL_COMPLETED);
    }

    /** {@link #wait(Collection)} over any mix of awaitables, stages included. */
    public static <T> Future<WaitResult<T>> wait(Iterable<?> awaitables) {
        return wait(awaitables, null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * {@link #wait(Iterable, Duration, ReturnWhen)} over a typed collection: the element type of
     * the {@link WaitResult} is inferred from it.
     */
    public static <T> Future<WaitResult<T>> wait(Collection<? extends Awaitable<? extends T>> awaitables,
            Duration timeout, ReturnWhen when) {
        return wait((Iterable<?>) awaitables, timeout, when);
    }

    /**
     * A future of the done/pending split of {@code awaitables} once {@code when} holds or
     * {@code timeout} (null for none) passes (asyncio's {@code wait}). Coroutines are wrapped in
     * tasks first; nothing is ever cancelled.
     */
    public static <T> Future<WaitResult<T>> wait(Iterable<?> awaitables, Duration timeout, ReturnWhen when) {
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
     *     timeout, or when the caller is cancelled, the stage is cancelled too if it is a
     *     {@code java.util.concurrent.Future} (a {@code CompletableFuture} is), as asyncio cancels
     *     the future it wraps; wrap it in {@link #shield} to let it run on.</li>
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
     * {@code as_completed}): {@code for (var next : Weft.asCompleted(tasks)) { String v = Weft.await(next); }};
     * the element type is inferred from a typed collection of coroutines, futures or tasks.
     */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables) {
        return asCompleted((Iterable<?>) awaitables, null);
    }

    /** {@link #asCompleted(Collection)}; after {@code timeout} the futures still pending fail with {@link TimeoutError}. */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables,
            Duration timeout) {
        return asCompleted((Iterable<?>) awaitables, timeout);
    }

    /**
     * {@link #asCompleted(Collection)} over any mix of awaitables, stages included, whose type
     * cannot be inferred: name it, {@code Weft.<String>asCompleted(mixed)}, or take {@code Object}.
     */
    public static <T> List<Future<T>> asCompleted(Iterable<?> awaitables) {
        return asCompleted(awaitables, null);
    }

    /** {@link #asCompleted(Iterable)} with a timeout; see {@link #asCompleted(Collection, Duration)}. */
    public static <T> List<Future<T>> asCompleted(Iterable<?> awaitables, Duration timeout) {
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
     * The stack trace of {@code throwable} with the suspended callers of the running coroutine
     * put back: for a throwable made after a resume but not thrown ({@code new Throwable()}, as
     * loggers take one to find their caller), whose Java stack holds only the resumed body and the
     * task's trampoline. Each caller appears, innermost first, as
     * {@code Class.method(File.java:line)} at the line of its pending await, just above the
     * trampoline's frames, as a synchronous call would have shown it. Does not change
     * {@code throwable}; {@code t.setStackTrace(Weft.asyncStackTrace(t))} does.
     *
     * <p>Call it on the loop thread during the step that made the throwable (a logger formats at
     * once, so it qualifies); otherwise, or when the throwable was not made in a coroutine body,
     * or weft already added the awaiting frames (an exception that crossed an await shows them
     * without this), the trace is answered unchanged. Costs one copy of the trace; nothing is
     * recorded in advance.
     *
     * @throws NullPointerException if {@code throwable} is null
     */
    public static StackTraceElement[] asyncStackTrace(Throwable throwable) {
        java.util.Objects.requireNonNull(throwable, "throwable");
        EventLoop loop = EventLoop.currentOrNull();
        Task<?> task = loop == null ? null : loop.currentTask;
        return dev.weft.internal.AsyncStackTrace.withSuspendedCallers(throwable,
                task == null ? null : task.innermostFrame());
    }

    /**
     * A task dump of the running loop: every pending task with its name, state and await chain,
     * innermost frame first as {@code Class.method(File.java:line)}, and what that frame waits on
     * (a future, another task, a lock, a queue, a socket read, a sleep with its time left). The
     * structured form is {@link TaskDump#snapshot(EventLoop)}; from outside the JVM, see
     * {@link TaskDumps}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static String dumpTasks() {
        return TaskDump.text(loop());
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
