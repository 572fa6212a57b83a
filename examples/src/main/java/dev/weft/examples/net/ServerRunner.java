package dev.weft.examples.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.net.Server;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The life of a server example, as the seeds write it: start the server with
 * {@code run_until_complete}, log {@code starting up on HOST port PORT}, {@code run_forever},
 * and finally close the server, wait until it is closed and close the loop, logging each step
 * under {@code main}.
 *
 * <p>{@code started} receives the server once it listens — a test uses it to learn the port and
 * to stop the loop ({@code server.getLoop().callSoonThreadsafe(loop::stop)}); Ctrl-C ends the
 * process. Runs on the calling thread.
 */
final class ServerRunner {
    private ServerRunner() {
    }

    /**
     * Runs a server until its loop is stopped.
     *
     * @param start starts the server on the loop it is given (a task, or the future of
     *     {@code Endpoints.createServer})
     * @param beforeClose runs on the loop thread when the loop stops, before the server closes
     */
    static void run(String host, int port, PrintStream out, Function<EventLoop, Future<Server>> start,
            Consumer<Server> started, Consumer<Server> beforeClose) {
        Log log = new Log(out, "main");
        EventLoop eventLoop = EventLoop.create();
        try {
            Server server = eventLoop.runUntilComplete(start.apply(eventLoop));
            log.debug("starting up on " + host + " port " + port);
            started.accept(server);
            try {
                eventLoop.runForever();
            } finally {
                log.debug("closing server");
                beforeClose.accept(server);
                server.close();
                eventLoop.runUntilComplete(server.waitClosed());
            }
        } finally {
            log.debug("closing event loop");
            eventLoop.close();
        }
    }
}
