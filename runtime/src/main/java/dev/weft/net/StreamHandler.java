package dev.weft.net;

import dev.weft.Coroutine;

/**
 * What a stream server runs for each client: asyncio's {@code client_connected_cb}, usually a
 * method reference to an {@code @Async} method,
 * {@code Streams.startServer(EchoServer::handle, host, port)} with
 * {@code @Async static Coroutine<Void> handle(StreamReader reader, StreamWriter writer)}.
 *
 * <p>Called on the loop thread when a client connects; the coroutine it returns runs as a task
 * of its own, and the server keeps serving the other clients whatever one handler does.
 *
 * <p><b>The connection lives as long as the handler's task.</b> When the task ends, however it
 * ends, the server ends the connection, so no socket outlives the code that served it:
 * <ul>
 * <li>the coroutine returned: the connection is closed gracefully, as by
 *     {@link StreamWriter#close()} (what was written is still sent);</li>
 * <li>it failed: the exception is reported through the loop's exception handler and the
 *     connection is aborted ({@link Transport#abort()}: bytes the socket has not taken yet are
 *     dropped);</li>
 * <li>it was cancelled — by a {@code cancel()} from outside, by a {@code Weft.timeout} or
 *     {@code Weft.waitFor} scope around the handler's body that it let escape, or by
 *     {@code Weft.run} cancelling leftover tasks at shutdown: the connection is aborted, as after
 *     a failure, and nothing is reported.</li>
 * </ul>
 * A handler that closed its writer itself is left alone. A handler that passes its reader or
 * writer on to code that outlives it (another task, a registry of clients) must first call
 * {@link StreamWriter#handOff()}: the connection then stays open, and closing it becomes the
 * new owner's job.
 *
 * <p>asyncio closes a cancelled or failed handler's transport too, but gracefully, and a
 * returned handler's only when its writer is garbage-collected (with a
 * {@code ResourceWarning}); weft decides at once, and aborts after a failure or cancellation,
 * because a graceful close keeps the unsent buffer — and the socket — for as long as a peer that
 * stopped reading stays connected, which is exactly the client a timeout was meant to drop.
 */
@FunctionalInterface
public interface StreamHandler {

    /** The coroutine that serves one client; must not return null. */
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer);
}
