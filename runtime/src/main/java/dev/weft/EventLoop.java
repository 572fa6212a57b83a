package dev.weft;

import dev.weft.internal.Deadlines;
import dev.weft.internal.ReadyQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A single-threaded, selector-driven event loop: asyncio's event loop for the JVM.
 *
 * <p>Time comes from a {@link Clock}. With a {@link VirtualClock} the loop never sleeps for a
 * timer: when nothing is ready it moves the clock straight to the next deadline, so tests run on
 * virtual time. It still blocks in its selector when no timer is pending at all, waiting for I/O
 * or {@link #callSoonThreadsafe}.
 *
 * <p>Threading: the loop is bound to one thread, its owner: the thread that created it, re-bound
 * to the thread that calls {@link #runUntilComplete} or {@link #runForever}. Every method must
 * be called on the owner thread, except {@link #callSoonThreadsafe} (any thread, any time),
 * {@link #close()} once the loop is not running, and the read-only {@link #isRunning()},
 * {@link #isClosed()}, {@link #time()} and {@link #nanoTime()}; a call from another thread
 * fails with an {@link IllegalStateException} naming both threads. At most one loop runs on a
 * thread at a time. A closed loop rejects use with {@code IllegalStateException("event loop is
 * closed")}. Null arguments are rejected with {@link NullPointerException}.
 */
public final class EventLoop {
    /*
     * Implementation overview. The loop owns a FIFO of ready callbacks (ReadyQueue), a
     * heap of timers (TimerQueue), a selector (SelectorIo) and a concurrent inbox for
     * callbacks posted from other threads. Each iteration (runOnce()) reads like CPython's
     * BaseEventLoop._run_once: drop cancelled timers, work out how long the selector may
     * block (not at all when something is ready), poll it and dispatch the ready keys, take the
     * callbacks other threads posted, move due timers to the ready queue, then run exactly the
     * callbacks that were ready when the batch started; what they schedule runs next iteration;
     * last, flush the writes the iteration made, one system call per connection. An
     * iteration allocates nothing. A queued callback is a Runnable (a Handle when the
     * caller needs one to cancel) or a Task, whose step runs directly, so waking a task is
     * free. An exception escaping a callback is reported (setExceptionHandler) and the loop
     * goes on.
     */

    private final Clock clock;
    private final VirtualClock virtualClock;
    private final ReadyQueue ready = new ReadyQueue();
    private final TimerQueue timers = new TimerQueue();
    private final ConcurrentLinkedQueue<Handle> inbox = new ConcurrentLinkedQueue<>();
    final SelectorIo io;
    private final LoopOwnership ownership = new LoopOwnership();

    private boolean stopping;
    /**
     * A recent clock reading (creation, {@code callLater}, or the last iteration that had
     * timers): the reference point for clamping deadlines, which needs no precision.
     */
    private long lastNow;
    private final ExceptionReporter reporter = new ExceptionReporter();

    /** The task whose step is running now, or null; set and cleared by {@link Task}. */
    Task<?> currentTask;
    /** The pending tasks of this loop, held strongly so none can vanish. */
    final TaskRegistry tasks = new TaskRegistry();

    // ---- tasks' companions: context variables, unretrieved errors, debug mode ----------------
    /** The {@link ContextVar} values of the running task or callback; set around each one. */
    Context context = Context.EMPTY;
    /** Failed tasks nobody retrieved, reported once unreachable or at close. */
    final UnretrievedErrors unretrieved = new UnretrievedErrors(this);
    /** The async generators started here and not finished, for {@link #shutdownAsyncGenerators}. */
    final AsyncGenerators asyncGenerators = new AsyncGenerators(this);
    /** Non-null in debug mode: times callbacks and reports the slow ones. */
    private DebugMonitor debug;
    /**
     * Non-null while the blocking-call watchdog watches this loop; see {@link BlockingWatchdog}.
     * Volatile for the watchdog thread; on x86 that read costs what a plain one does.
     */
    private volatile BlockingWatch watch;
    /** What other packages release at close (a subprocess's pipe threads); see {@link CloseActions}. */
    final CloseActions closeHooks = new CloseActions();

    // ---- threads, signals and task creation: their logic lives in their own classes ----------
    /** The default executor and job submission ({@link #runInExecutor}). */
    final LoopExecutors executors = new LoopExecutors(this);
    /** The signal handlers added with {@link #addSignalHandler}. */
    final LoopSignals signals = new LoopSignals(this);
    /** What {@link #createTask} uses; never null. */
    private TaskFactory taskFactory = TaskFactory.DEFAULT;

    private EventLoop(Clock clock) {
        this.clock = clock;
        this.virtualClock = clock instanceof VirtualClock ? (VirtualClock) clock : null;
        this.watch = BlockingWatch.forNewLoop(this); // first: a bad property leaves nothing open
        this.io = SelectorIo.open(this);
        this.lastNow = clock.nanoTime();
        if (Boolean.getBoolean(DebugMonitor.PROPERTY)) {
            setDebug(true);
        }
        LoopRegistry.add(this); // for task dumps taken from outside (TaskDumps, over JMX)
    }

    /**
     * Creates a loop on the system clock, owned by the calling thread.
     *
     * @throws java.io.UncheckedIOException if no selector can be opened
     */
    public static EventLoop create() {
        return new EventLoop(Clock.system());
    }

    /**
     * Creates a loop on {@code clock}, owned by the calling thread; pass {@link Clock#virtual()}
     * to run timers on virtual time.
     *
     * @throws java.io.UncheckedIOException if no selector can be opened
     */
    public static EventLoop create(Clock clock) {
        return new EventLoop(Objects.requireNonNull(clock, "clock"));
    }

    /** The loop running on the calling thread, or null; any thread. */
    static EventLoop currentOrNull() {
        return LoopOwnership.current();
    }

    // ---- scheduling ------------------------------------------------------------------------

    /**
     * Schedules {@code callback} to run on the next loop iteration; callbacks run in the order
     * they were scheduled.
     *
     * @return a handle that can cancel the call
     */
    public Handle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        checkThread();
        Handle h = new Handle(this, callback);
        ready.push(h);
        return h;
    }

    /**
     * Schedules {@code callback} to run after {@code delay} on the loop's clock. Timers with the
     * same deadline run in the order they were scheduled. A negative delay means "now"; delays
     * beyond about 73 years are shortened to that.
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        Objects.requireNonNull(delay, "delay");
        return callLaterNanos(Deadlines.saturatedNanos(delay), callback);
    }

    /** Schedules {@code callback} to run after {@code delayMillis} milliseconds; see above. */
    public TimerHandle callLater(long delayMillis, Runnable callback) {
        return callLaterNanos(Deadlines.saturatedNanos(delayMillis), callback);
    }

    private TimerHandle callLaterNanos(long delayNanos, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        checkThread();
        long now = clock.nanoTime();
        lastNow = now;
        return scheduleAt(Deadlines.after(now, delayNanos), callback);
    }

    /**
     * Schedules {@code callback} to run at {@code deadlineNanos} on the scale of
     * {@link #nanoTime()}; a deadline in the past runs on the next iteration.
     */
    public TimerHandle callAt(long deadlineNanos, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        checkThread();
        return scheduleAt(deadlineNanos, callback);
    }

    /**
     * Schedules {@code callback} to run on the next iteration; any thread. This is the only way
     * for another thread to hand work to the loop: it wakes a loop blocked in its selector.
     *
     * @return a handle that can cancel the call
     * @throws IllegalStateException if the loop is closed
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        Handle h = new Handle(this, callback);
        inbox.offer(h);
        // A call from the running loop's own thread needs no wake-up: the loop is not in select.
        if (!ownership.isRunningOnCurrentThread()) {
            io.wakeup();
        }
        return h;
    }

    /** Appends a {@link Runnable} or a {@link Task} to the ready queue; no checks, no handle. */
    void enqueue(Object callback) {
        ready.push(callback);
    }

    /** Schedules a timer whose callback is a {@link Runnable} or a {@link Task}; no checks. */
    TimerHandle scheduleAt(long deadlineNanos, Object callback) {
        // Clamped against a recent reading, not a fresh one: a 73-year bound needs no precision,
        // and this spares a clock read per timer.
        TimerHandle t = new TimerHandle(this, callback, Deadlines.clamp(deadlineNanos, lastNow));
        timers.add(t);
        return t;
    }

    /** Wakes the sleeping {@code task} at {@code deadlineNanos}; no checks, no handle. */
    void sleepUntil(Task<?> task, long deadlineNanos) {
        timers.add(task, Deadlines.clamp(deadlineNanos, lastNow));
    }

    /** Cancels the pending wake-up of {@code task}, if any. */
    boolean cancelSleep(Task<?> task) {
        return timers.remove(task);
    }

    /** Runs a queued callback: a task's step, or a {@link Runnable}. */
    static void dispatch(Object callback) {
        if (callback instanceof Task) {
            ((Task<?>) callback).step();
        } else {
            ((Runnable) callback).run();
        }
    }

    // ---- futures and tasks -----------------------------------------------------------------

    /** Creates a pending future bound to this loop (asyncio's {@code create_future}). */
    public <T> Future<T> createFuture() {
        checkOpen();
        checkThread();
        return new Future<>(this);
    }

    /**
     * Wraps {@code coro} in a task scheduled to start on the next iteration, or, with
     * {@link TaskFactory#EAGER}, started at once; see {@link #setTaskFactory}.
     */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return taskFactory.create(this, coro, null);
    }

    /** Wraps {@code coro} in a task named {@code name} (null: {@code Task-N}); see above. */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return taskFactory.create(this, coro, name);
    }

    /**
     * Sets how {@link #createTask} makes tasks (asyncio's {@code set_task_factory}):
     * {@link TaskFactory#EAGER} runs a new task's first step inside {@code createTask}; null or
     * {@link TaskFactory#DEFAULT} schedules it for the next iteration. Also used by what creates
     * tasks through the loop ({@code Weft.createTask}, {@code gather} and {@code wait} of
     * coroutines, {@code runCoroutineThreadsafe}). Loop thread.
     */
    public void setTaskFactory(TaskFactory factory) {
        checkThread();
        taskFactory = factory == null ? TaskFactory.DEFAULT : factory;
    }

    /** The task factory {@link #createTask} uses; {@link TaskFactory#DEFAULT} unless set. */
    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    // ---- blocking work on other threads: the logic lives in LoopExecutors -------------------

    /**
     * Runs {@code job} on {@code executor} and returns a future of its outcome, bound to this
     * loop (asyncio's {@code run_in_executor}): {@code Weft.await(loop.runInExecutor(pool, () -> jdbcQuery()))}.
     * Null {@code executor} means the loop's default executor (see {@link Weft#toThread}).
     * Unlike {@code toThread}, and as in asyncio, the job does not see the caller's
     * {@link ContextVar} values. The job's exception, checked or not, is the future's, unwrapped;
     * cancelling the future (or the task awaiting it) keeps a job that has not started from ever
     * running and leaves a running one to finish ({@link OnCancel#LEAVE_RUNNING}).
     *
     * <p>Threading: loop thread; the job runs on the executor's thread. Null policy: {@code job}
     * must not be null.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the executor rejects the job
     * @throws IllegalStateException if the loop is closed, or the default executor is asked for
     *     after it was shut down
     */
    public <T> Future<T> runInExecutor(java.util.concurrent.Executor executor,
            java.util.concurrent.Callable<? extends T> job) {
        return runInExecutor(executor, job, OnCancel.LEAVE_RUNNING);
    }

    /**
     * {@link #runInExecutor(java.util.concurrent.Executor, java.util.concurrent.Callable)} where
     * {@code onCancel} decides whether cancelling interrupts a running job.
     */
    public <T> Future<T> runInExecutor(java.util.concurrent.Executor executor,
            java.util.concurrent.Callable<? extends T> job, OnCancel onCancel) {
        checkOpen();
        checkThread();
        return executors.submit(executor, job, null, onCancel);
    }

    /**
     * Makes {@code executor} the loop's default executor (asyncio's {@code set_default_executor}),
     * used by {@link Weft#toThread} and {@code runInExecutor(null, ...)}. As in asyncio, the loop
     * then owns it: {@code Weft.run} and {@link #shutdownDefaultExecutor} shut it down, and
     * {@link #close()} shuts it down without waiting. A default executor the loop made itself is
     * shut down when replaced (its running jobs finish). Loop thread; not null.
     */
    public void setDefaultExecutor(java.util.concurrent.ExecutorService executor) {
        checkOpen();
        checkThread();
        executors.setDefault(executor);
    }

    /**
     * Shuts the default executor down (asyncio's {@code shutdown_default_executor}): the future
     * completes once its running jobs have finished, or fails with {@link TimeoutError} naming
     * the jobs still running after {@code timeout}. The loop goes on running meanwhile. Then the
     * default executor is unusable until {@link #setDefaultExecutor}. Loop thread.
     */
    public Future<Void> shutdownDefaultExecutor(Duration timeout) {
        checkOpen();
        checkThread();
        return executors.shutdown(timeout);
    }

    // ---- signals: the logic lives in LoopSignals ------------------------------------------

    /**
     * Runs {@code handler} on the loop's thread each time the process receives the signal
     * {@code name} (asyncio's {@code add_signal_handler}): {@code "INT"} or {@code "SIGINT"},
     * {@code "TERM"}, {@code "HUP"}, {@code "USR1"}, ... Replaces this loop's earlier handler of
     * that signal. The handlers are removed when the loop closes. Signals reach Java through
     * {@code sun.misc.Signal} (module {@code jdk.unsupported}), on a JVM thread that posts the
     * handler with {@link #callSoonThreadsafe}; a signal handler belongs to the whole process, so
     * of two loops handling one signal the later gets it until it removes its handler.
     *
     * @throws IllegalArgumentException if the platform knows no signal of that name
     * @throws UnsupportedOperationException if the JVM cannot hand the signal to Java code (it is
     *     reserved by the VM, the JVM runs with {@code -Xrs}, or the process ignores it)
     */
    public void addSignalHandler(String name, Runnable handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        checkOpen();
        checkThread();
        signals.add(name, handler);
    }

    /**
     * Removes this loop's handler of the signal {@code name}, giving the signal back to the
     * handler it had before (asyncio's {@code remove_signal_handler}).
     *
     * @return whether there was a handler to remove
     * @throws IllegalArgumentException if the platform knows no signal of that name
     */
    public boolean removeSignalHandler(String name) {
        Objects.requireNonNull(name, "name");
        checkThread();
        return signals.remove(name);
    }

    /**
     * Closes every async generator that was started on this loop and has not finished (asyncio's
     * {@code shutdown_asyncgens}): each one's {@code aclose()} runs in a task of its own, so its
     * {@code finally} blocks run, and the future completes when all are closed. A cleanup that
     * fails is reported to the exception handler, naming the generator. {@link Weft#run} calls it
     * after cancelling the leftover tasks; a program that runs a loop itself calls
     * {@code loop.runUntilComplete(loop.shutdownAsyncGenerators())} before {@link #close()}.
     */
    public Future<Void> shutdownAsyncGenerators() {
        checkOpen();
        checkThread();
        return asyncGenerators.shutdown();
    }

    // ---- time ------------------------------------------------------------------------------

    /** The loop's time in seconds, monotonic, on an arbitrary origin; any thread. */
    public double time() {
        return clock.nanoTime() / 1e9;
    }

    /** The loop's time in nanoseconds, monotonic, on an arbitrary origin; any thread. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    // ---- running ---------------------------------------------------------------------------

    /**
     * Runs the loop until {@code future} is done and returns its result; re-binds the loop to
     * the calling thread. If the future failed, its exception is thrown unchanged and unwrapped,
     * even when it is a checked one. Returns at once, without an iteration, if the future is
     * already done. Stops after the iteration in which the future's stop callback ran — the
     * callbacks registered on the future before this call run first, as in asyncio — or in
     * which {@link #stop()} was called.
     *
     * @return the future's result
     * @throws CancelledError if the future was cancelled
     * @throws IllegalStateException if the loop is closed or already running, another loop runs
     *     on this thread, or the loop was stopped before the future completed
     * @throws IllegalArgumentException if the future belongs to another loop
     */
    public <T> T runUntilComplete(Future<T> future) {
        Objects.requireNonNull(future, "future");
        if (future.getLoop() != this) {
            throw new IllegalArgumentException("the future belongs to a different loop: " + future);
        }
        if (future.done()) {
            return future.result();
        }
        ownership.enter(this);
        try {
            return runEntered(future);
        } finally {
            ownership.exit();
        }
    }

    /**
     * Runs {@code coro} as a task until it completes; see {@link #runUntilComplete(Future)}. The
     * task is created once the loop is bound to the calling thread, so this may be called from
     * a thread other than the one that created the loop, as {@code runForever} may.
     */
    public <T> T runUntilComplete(Coroutine<T> coro) {
        Objects.requireNonNull(coro, "coro");
        ownership.enter(this);
        try {
            return runEntered(createTask(coro));
        } finally {
            ownership.exit();
        }
    }

    /**
     * The body of both {@code runUntilComplete}s, on a loop already entered (bound to this
     * thread, which is why the done callback can be registered here and not before entering).
     */
    private <T> T runEntered(Future<T> future) {
        if (future.done()) {
            return future.result();
        }
        // As in asyncio, stopping is itself a done callback: it runs after the callbacks that
        // were registered on the future before, so they still see their iteration.
        Consumer<Future<T>> stopper = f -> stop();
        future.addDoneCallback(stopper);
        try {
            do {
                runOnce();
            } while (!stopping);
        } finally {
            stopping = false;
            future.removeDoneCallback(stopper);
        }
        if (!future.done()) {
            throw new IllegalStateException("event loop stopped before the future completed: "
                    + future);
        }
        return future.result();
    }

    /**
     * Runs the loop until {@link #stop()} is called; re-binds the loop to the calling thread. If
     * {@code stop()} was called before, runs exactly one iteration.
     *
     * @throws IllegalStateException if the loop is closed or already running, or another loop
     *     runs on this thread
     */
    public void runForever() {
        ownership.enter(this);
        try {
            do {
                runOnce();
            } while (!stopping);
        } finally {
            stopping = false;
            ownership.exit();
        }
    }

    /**
     * Asks the loop to stop: the current iteration finishes (every callback of its batch runs),
     * then {@link #runForever()} returns. From another thread, post it with
     * {@code callSoonThreadsafe(loop::stop)}.
     */
    public void stop() {
        checkThread();
        stopping = true;
    }

    /** Whether the loop is running; any thread. */
    public boolean isRunning() {
        return ownership.isRunning();
    }

    /** Whether {@link #close()} was called; any thread. */
    public boolean isClosed() {
        return ownership.isClosed();
    }

    /**
     * Closes the loop: reports the exceptions of failed tasks nobody retrieved (through the
     * exception handler, on the calling thread), discards pending callbacks and timers and
     * closes the selector. Idempotent.
     * May be called from any thread once the loop is not running, so a thread that ran the loop
     * in the background can be joined and the loop closed by its creator.
     *
     * @throws IllegalStateException if the loop is running
     */
    public void close() {
        if (!ownership.close()) {
            return;
        }
        closeHooks.runAll(this);
        unretrieved.reportAtClose(); // the failed tasks still unread will never be awaited here
        if (debug != null) {
            debug.close(); // reports the coroutines created here and never awaited
            debug = null;
        }
        LoopRegistry.remove(this);
        ready.clear();
        timers.clear();
        inbox.clear();
        io.close();
        executors.closeNow(); // as asyncio's close: shut down, without waiting for running jobs
        signals.removeAll();
    }

    // ---- one iteration ---------------------------------------------------------------------

    /** One loop iteration, in the order of CPython's {@code _run_once}. */
    void runOnce() {
        long timeoutMillis = selectTimeoutMillis();
        // Poll I/O; with nothing registered and no time to wait, skip the system call.
        if (timeoutMillis != 0 || io.hasRegistrations()) {
            io.select(timeoutMillis); // calls each ready key's handler
        }
        takeThreadsafeCallbacks();
        if (virtualClock != null) {
            advanceVirtualClockIfIdle();
        }
        moveDueTimers();
        runReadyBatch();
        io.flushWrites(); // the writes of this iteration: one system call per connection
    }

    /** 0 when anything can run now; until the next deadline; negative to block indefinitely. */
    private long selectTimeoutMillis() {
        if (stopping || !ready.isEmpty() || !inbox.isEmpty()) {
            return 0;
        }
        if (timers.size() == 0) {
            return -1; // nothing scheduled: only I/O or another thread can bring work
        }
        if (virtualClock != null) {
            return 0; // virtual time: never sleep; advanceVirtualClockIfIdle() jumps there
        }
        return Deadlines.ceilMillis(timers.peekDeadline() - clock.nanoTime());
    }

    private void takeThreadsafeCallbacks() {
        for (Handle h = inbox.poll(); h != null; h = inbox.poll()) {
            ready.push(h);
        }
    }

    /** Instead of sleeping until the next deadline, moves the virtual clock there. */
    private void advanceVirtualClockIfIdle() {
        if (ready.isEmpty() && !stopping && timers.size() > 0) {
            virtualClock.advanceTo(timers.peekDeadline());
        }
    }

    private void moveDueTimers() {
        if (timers.size() == 0) {
            return; // no timer: spare the clock read, a third of an idle iteration's cost
        }
        long now = clock.nanoTime();
        lastNow = now;
        while (timers.size() > 0 && timers.peekDeadline() - now <= 0) {
            ready.push(timers.poll()); // a TimerHandle or a sleeping Task: dispatch runs either
        }
    }

    /** Runs exactly the callbacks ready now; those they schedule wait for the next batch. */
    private void runReadyBatch() {
        for (int n = ready.size(); n > 0; n--) {
            Object callback = ready.poll(); // the poll is the watchdog's sign of progress
            try {
                if (callback instanceof Task && debug == null) {
                    ((Task<?>) callback).step(); // names itself to the watchdog (currentTask)
                } else {
                    runCallback(callback);
                }
            } catch (Throwable t) {
                reportException("Exception in callback " + callback, t, callback);
            }
        }
    }

    /**
     * A plain callback, or any callback in debug mode, published to the watchdog while it runs.
     * Apart from the task path above, so a task step pays nothing for the watchdog: every
     * per-step check or store measured there cost YieldBench 5% to 10% (see BlockingWatch).
     */
    private void runCallback(Object callback) {
        BlockingWatch w = watch;
        if (w != null) {
            w.publish(callback);
        }
        try {
            if (debug == null) {
                dispatch(callback);
            } else {
                debug.dispatch(callback);
            }
        } finally {
            if (w != null) {
                w.end();
            }
        }
    }

    // ---- introspection: task dumps and virtual-time waits -------------------------------------

    /** The ready queue's poll counter, for the watchdog (any thread; a racy read). */
    int readyProgress() {
        return ready.progress();
    }

    /** The loop's clock. */
    Clock clock() {
        return clock;
    }

    /** When the sleeping {@code task} wakes, or {@code fallback} if it is not in the timer heap. */
    long sleepDeadline(Task<?> task, long fallback) {
        return timers.deadlineOf(task, fallback);
    }

    /** Whether callbacks wait to run: in the ready queue or posted by other threads. */
    boolean hasReadyWork() {
        return !ready.isEmpty() || !inbox.isEmpty();
    }

    /** Whether a timer is pending (sleeping tasks included). */
    boolean hasTimers() {
        return timers.size() > 0;
    }

    /** The earliest timer deadline; only meaningful when {@link #hasTimers()}. */
    long nextDeadline() {
        return timers.peekDeadline();
    }

    // ---- errors and checks -----------------------------------------------------------------

    /**
     * Sets what the loop does with an exception that escaped a callback (asyncio's
     * {@code set_exception_handler}): {@code handler} receives a description of where it
     * happened and the exception; {@link #setExceptionHandler(Consumer)} also hands it the task,
     * future, callback or transport involved. Null restores the default, which logs both at
     * {@code ERROR} on the {@link System.Logger} {@code dev.weft.EventLoop}. If the handler itself
     * throws, both exceptions are logged there.
     */
    public void setExceptionHandler(BiConsumer<String, Throwable> handler) {
        checkThread();
        reporter.setHandler(handler);
    }

    /**
     * Sets what the loop does with an error nobody else could handle, with asyncio's context:
     * {@code handler} receives an {@link ExceptionContext} with the message, the exception and
     * the task, future, callback or transport involved, so it can log which task failed. Null
     * restores the default (written {@code (Consumer<ExceptionContext>) null}, since a bare null
     * fits both overloads). If the handler itself throws, both exceptions are printed.
     */
    public void setExceptionHandler(Consumer<ExceptionContext> handler) {
        checkThread();
        reporter.setHandler(handler);
    }

    /**
     * Hands {@code context} to the loop's exception handler (asyncio's
     * {@code call_exception_handler}): for code that catches an error it cannot pass on.
     */
    public void callExceptionHandler(ExceptionContext context) {
        Objects.requireNonNull(context, "context");
        checkThread();
        reporter.report(context);
    }

    // ---- debug mode ------------------------------------------------------------------------

    /**
     * Turns debug mode on or off (asyncio's {@code set_debug}); also on from creation when the
     * system property {@code weft.debug} is {@code true}. In debug mode the loop times every
     * callback and task step and logs those slower than {@link #setSlowCallbackDuration} (100 ms
     * by default) with the task's name, and coroutine objects created on this loop that are
     * never awaited are logged with the place they were created (see {@link DebugMonitor}).
     * Logging goes to the {@link System.Logger} named {@code dev.weft}.
     */
    public void setDebug(boolean enabled) {
        checkThread();
        if (enabled && debug == null) {
            debug = new DebugMonitor(this, clock);
        } else if (!enabled && debug != null) {
            debug.close();
            debug = null;
        }
    }

    /** Whether debug mode is on. */
    public boolean isDebug() {
        return debug != null;
    }

    /**
     * How long a callback or task step may run, on the loop's clock, before debug mode logs it
     * as slow; 100 ms by default.
     *
     * @throws IllegalStateException if debug mode is off
     */
    public void setSlowCallbackDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        checkThread();
        if (debug == null) {
            throw new IllegalStateException("slow callbacks are timed only in debug mode: call setDebug(true) first");
        }
        debug.setSlowNanos(Deadlines.saturatedNanos(duration));
    }

    // ---- the blocking-call watchdog -----------------------------------------------------------

    /**
     * How long a callback or task step may hold this loop, in real time, before the blocking-call
     * watchdog reports it once, with the task's name and the loop thread's stack sampled while it
     * blocked; {@link Duration#ZERO} turns the watchdog off for this loop. The default is 100 ms,
     * or the system property {@code weft.watchdog.thresholdMillis}; with {@code weft.watchdog=false}
     * new loops start unwatched. Unlike debug mode's timing this is real time
     * ({@link System#nanoTime()}), also on a virtual clock, and costs no clock read per step
     * (see {@link BlockingWatchdog}).
     *
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    public void setBlockingThreshold(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold");
        checkThread();
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("the blocking threshold must be positive, or zero to turn the watchdog off: " + threshold);
        }
        long nanos = Deadlines.saturatedNanos(threshold);
        if (watch == null && nanos > 0) {
            watch = BlockingWatch.started(this, nanos);
        } else if (watch != null) {
            watch.setThreshold(nanos);
        }
    }

    /** The blocking-call watchdog's threshold for this loop; {@link Duration#ZERO} when off. */
    public Duration getBlockingThreshold() {
        BlockingWatch w = watch;
        return w == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, w.thresholdNanos));
    }

    /** This loop's watchdog state, or null; read by the watchdog thread and the selector. */
    BlockingWatch blockingWatch() {
        return watch;
    }

    /** Reports an exception that escaped a callback, then lets the loop go on. */
    void reportException(String context, Throwable t) {
        reporter.report(new ExceptionContext(context, t, null));
    }

    /** Reports an exception, naming the task, future, callback or transport it concerns. */
    void reportException(String context, Throwable t, Object source) {
        reporter.report(new ExceptionContext(context, t, source));
    }

    /** Fails with {@link IllegalStateException} unless called on the loop's owner thread. */
    void checkThread() {
        ownership.checkThread();
    }

    /** The loop's owner thread: its runner, else the last thread that ran it, else its creator. */
    Thread ownerThread() {
        return ownership.owner();
    }

    /** Whether the calling thread is the loop's owner thread. */
    boolean inOwnerThread() {
        return ownership.isOwner();
    }

    /** Fails with {@code IllegalStateException("event loop is closed")} once closed. */
    void checkOpen() {
        if (ownership.isClosed()) {
            throw new IllegalStateException("event loop is closed");
        }
    }

    @Override
    public String toString() {
        return "<EventLoop " + (isClosed() ? "closed" : isRunning() ? "running" : "idle")
                + " clock=" + clock + ">";
    }
}
