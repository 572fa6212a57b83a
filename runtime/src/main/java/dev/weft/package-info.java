/**
 * weft's public API: the event loop ({@link dev.weft.EventLoop}, {@link dev.weft.Handle},
 * {@link dev.weft.TimerHandle}, {@link dev.weft.Clock}), futures and tasks
 * ({@link dev.weft.Future}, {@link dev.weft.Task}, {@link dev.weft.Coroutine}, and
 * {@link dev.weft.Awaitable}, the type the combinators infer from), generators
 * ({@link dev.weft.Generator}, {@link dev.weft.AsyncGenerator}), their exceptions, and the
 * {@link dev.weft.Weft} facade named after asyncio's module functions ({@code gather},
 * {@code wait}, {@code waitFor}, {@code asCompleted}, {@code shield} among them), and the
 * diagnostics and test support around the loop: task dumps ({@link dev.weft.TaskDump},
 * {@link dev.weft.TaskInfo}, over JMX {@link dev.weft.TaskDumps}) and moving virtual time
 * ({@link dev.weft.VirtualTime}), the blocking-call watchdog ({@code BlockingWatchdog}, whose
 * reports carry a {@link dev.weft.BlockingCallTrace}) and Flight Recorder events
 * ({@code dev.weft.SlowCallback}, {@code dev.weft.TaskFailed}). What the loop's exception handler is told is an
 * {@link dev.weft.ExceptionContext}.
 *
 * <p>Everything here runs on one event-loop thread unless a member says otherwise; the only
 * loop entry point for other threads is {@link dev.weft.EventLoop#callSoonThreadsafe}.
 *
 * <p>Logging: the runtime writes through {@link java.lang.System.Logger} only (the JDK routes it
 * to {@code java.util.logging} unless the application installs another backend), never to
 * {@code System.err} directly. The loggers, and what each says at which level:
 * <ul>
 * <li>{@code dev.weft.EventLoop}: at {@code ERROR}, what the loop's default exception handler
 *     receives (an exception escaping a callback, a task's exception nobody retrieved, a handler
 *     that threw), each with its exception; replace it with
 *     {@link dev.weft.EventLoop#setExceptionHandler}.</li>
 * <li>{@code dev.weft}: at {@code WARNING}, the blocking-call watchdog's reports (each with a
 *     {@link dev.weft.BlockingCallTrace} holding the sampled stack), debug mode's slow callbacks
 *     (a step the watchdog reported is not reported again) and its coroutines never awaited; at
 *     {@code ERROR}, a failure of the watchdog thread itself; at {@code DEBUG}, task dumps that
 *     could not be registered over JMX.</li>
 * <li>{@code dev.weft.Weft}: at {@code WARNING}, a second Ctrl-C ending the JVM.</li>
 * <li>{@code dev.weft.process}: at {@code WARNING}, a subprocess still running, or a pipe thread
 *     still blocked, when its loop closes.</li>
 * <li>{@code dev.weft.agent}, the java agent's (see its {@code WeftAgent}): at {@code WARNING},
 *     a method that cannot be woven; at {@code ERROR}, an internal weaver error; at {@code INFO}
 *     under {@code -Dweft.debug=true}, each woven class.</li>
 * </ul>
 *
 * <p>Depends on {@code java.base}, {@code dev.weft.internal}, and (through
 * {@code dev.weft.internal.Signals}) {@code jdk.unsupported}'s {@code sun.misc.Signal} for signal handlers
 * ({@code EventLoop.addSignalHandler}, Ctrl-C in {@code Weft.run}): the one signal API open to
 * class-path programs; and {@code jdk.jfr} for the Flight Recorder events; on a JVM without that module {@code Weft.run} runs without Ctrl-C
 * handling and {@code addSignalHandler} fails with a message saying so. It never depends on the
 * networking, synchronisation, queue or subprocess packages: they depend on it. That is why the
 * loop has no {@code createConnection}/{@code createServer}/{@code createDatagramEndpoint}
 * (asyncio's loop methods): they are static methods of the networking package's
 * {@code Endpoints}, taking the loop as their first argument.
 */
package dev.weft;

/*
 * Role map: one line per file, what it is for. Public API first, then the package-private
 * implementation, grouped by the public class it serves.
 *
 * Public API
 *   Weft                  the facade: asyncio's module functions (run, sleep, gather, wait, ...)
 *   EventLoop             the single-threaded selector loop: callbacks, timers, tasks, executors
 *   Handle, TimerHandle   a scheduled callback / one at a deadline, cancellable before it runs
 *   Clock, VirtualClock   where a loop's time comes from; the clock tests advance by hand
 *   VirtualTime           moving a loop's virtual time from its own tasks (test support)
 *   Future                the loop-bound eventual result (asyncio.Future)
 *   Task                  a coroutine driven by the loop (asyncio.Task)
 *   TaskFactory           how a loop makes its tasks (eager or queued)
 *   TaskGroup             structured concurrency (asyncio.TaskGroup)
 *   Timeout               a deadline over a block of awaits (asyncio.timeout)
 *   Coroutine             the lazy coroutine object an @Async method returns
 *   Generator             a synchronous generator; GeneratorState its life cycle
 *   AsyncGenerator        an asynchronous generator
 *   Awaitable             what the combinators accept, typed by its value
 *   ContextVar            a task-local variable (contextvars.ContextVar)
 *   OnCancel              what cancelling a job handed to a thread does to the thread
 *   ReturnWhen, WaitResult  the arguments and answer of Weft.wait
 *   ExceptionContext      what the loop's exception handler is told
 *   CancelledError, TimeoutError, InvalidStateError, ExceptionGroup, KeyboardInterrupt,
 *   StopIteration, GeneratorExit   the exceptions of asyncio's (and Python's) names
 *   TaskDump, TaskInfo    a snapshot of a loop's pending tasks and one task in it
 *   TaskDumps, TaskDumpsMBean  task dumps of every open loop over JMX
 *   BlockingCallTrace     the sampled loop-thread stack a watchdog report carries
 *
 * Behind EventLoop
 *   SelectorIo            the loop's I/O poller (the Selector and its ready keys)
 *   TimerQueue            pending timers, earliest deadline first
 *   LoopOwnership         which thread owns a loop, running/closed state, the thread check
 *   LoopExecutors         a loop's executors (default one, run_in_executor)
 *   ExecutorJob           one job handed to an executor and the loop future of its outcome
 *   LoopSignals           a loop's signal handlers (add_signal_handler)
 *   TaskRegistry          the loop's pending tasks, held strongly
 *   UnretrievedErrors     reports task exceptions nobody retrieved
 *   ExceptionReporter     where a loop sends exceptions that escape its callbacks
 *   AsyncGenerators       the async generators to close at shutdown_asyncgens
 *   CloseActions          what a loop runs when it closes, for other packages' resources
 *   DebugMonitor          debug mode (set_debug)
 *   BlockingWatch         one loop's side of the blocking-call watchdog
 *   BlockingWatchdog      the watchdog thread that samples and reports a blocked loop
 *   FlightEvents          the gate through which Flight Recorder events are emitted
 *   SlowCallbackEvent     the JFR event dev.weft.SlowCallback
 *   TaskFailedEvent       the JFR event dev.weft.TaskFailed
 *   LoopRegistry          the open loops of the JVM, for task dumps
 *   LoopInternals         the LoopAccess implementation other packages reach the loop through
 *   SystemClock           the System.nanoTime clock
 *
 * Behind Future and Task
 *   DoneCallback          a done callback bound to its future
 *   OffLoopFutureAccess   blocking get() from other threads, conversion to CompletableFuture
 *   AwaitingBody          the root frame body of a task whose coroutine is not woven
 *   Context               an immutable set of ContextVar values
 *   ThreadContext         the ContextVar values of a job on a thread without a loop
 *   NotWoven              the errors raised where the runtime meets code that was not woven
 *
 * Behind Weft (one per module function that needs state)
 *   Sleep                 the coroutine Weft.sleep returns
 *   WaitFor               the coroutine Weft.waitFor returns
 *   Gathering             the future Weft.gather answers
 *   Waiting               the future Weft.wait answers
 *   Combinators           as_completed and shield
 *   FutureOf              turns the combinators' awaitables into futures of one loop
 *   FutureWrapping        Weft.wrapFuture
 *   CoroutineHandoff      Weft.runCoroutineThreadsafe
 *   RunInterrupt          Weft.run's Ctrl-C handling
 *
 * Pure leaves the core uses live in dev.weft.internal (Deadlines, ReadyQueue, DefaultExecutor,
 * Signals): they depend on nothing of weft's.
 */
