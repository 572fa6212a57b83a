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
 * to {@code java.util.logging} unless the application installs another backend). Logger
 * {@code dev.weft.EventLoop}: at {@code ERROR}, what the loop's default exception handler
 * receives (an exception escaping a callback, a task's exception nobody retrieved, a handler
 * that threw), each with its exception; replace it with
 * {@link dev.weft.EventLoop#setExceptionHandler}. Logger {@code dev.weft.Weft}: at
 * {@code WARNING}, a second Ctrl-C ending the JVM. The java agent logs on {@code dev.weft.agent}
 * (see its {@code WeftAgent}).
 *
 * <p>Depends on {@code java.base}, {@code dev.weft.internal}, and {@code jdk.unsupported}'s {@code sun.misc.Signal} for signal handlers
 * ({@code EventLoop.addSignalHandler}, Ctrl-C in {@code Weft.run}): the one signal API open to
 * class-path programs; and {@code jdk.jfr} for the Flight Recorder events; on a JVM without that module {@code Weft.run} runs without Ctrl-C
 * handling and {@code addSignalHandler} fails with a message saying so. It never depends on the
 * networking, synchronisation, queue or subprocess packages: they depend on it. That is why the
 * loop has no {@code createConnection}/{@code createServer}/{@code createDatagramEndpoint}
 * (asyncio's loop methods): they are static methods of the networking package's
 * {@code Endpoints}, taking the loop as their first argument.
 */
package dev.weft;
