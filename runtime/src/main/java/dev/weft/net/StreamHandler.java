package dev.weft.net;

import dev.weft.Coroutine;

/**
 * What a stream server runs for each client: asyncio's {@code client_connected_cb}, usually a
 * method reference to an {@code @Async} method,
 * {@code Streams.startServer(EchoServer::handle, host, port)} with
 * {@code @Async static Coroutine<Void> handle(StreamReader reader, StreamWriter writer)}.
 *
 * <p>Called on the loop thread when a client connects; the coroutine it returns runs as a task
 * of its own. The handler owns the connection: it should close the writer when it is done. If
 * its coroutine fails, the exception is reported through the loop's exception handler and the
 * connection is closed; the server keeps serving the other clients.
 */
@FunctionalInterface
public interface StreamHandler {

    /** The coroutine that serves one client; must not return null. */
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer);
}
