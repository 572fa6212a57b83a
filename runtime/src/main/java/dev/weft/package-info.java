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
 * <p>Depends on {@code java.base}, {@code dev.weft.internal}, {@code dev.weft.net} for the
 * loop's networking entry points ({@code createConnection}, {@code createServer}, …), which
 * delegate there, and {@code jdk.unsupported}'s {@code sun.misc.Signal} for signal handlers
 * ({@code EventLoop.addSignalHandler}, Ctrl-C in {@code Weft.run}): the one signal API open to
 * class-path programs; and {@code jdk.jfr} for the Flight Recorder events; on a JVM without that module {@code Weft.run} runs without Ctrl-C
 * handling and {@code addSignalHandler} fails with a message saying so.
 */
package dev.weft;
