package dev.weft.examples.net;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The echo client of seed 002 ({@code asyncio_echo_client_coroutine.py}), with streams: sends a
 * message in three parts, shuts down its sending side, and prints what comes back until the
 * server closes.
 *
 * <p>Run: {@code java -jar weft-examples.jar EchoClient [HOST PORT]} against {@code EchoServer}
 * (or Python's). Logs what the Python program logs, on standard output.
 */
public final class EchoClient {
    static final List<byte[]> MESSAGES = List.of(
            "This is the message. ".getBytes(StandardCharsets.US_ASCII),
            "It will be sent ".getBytes(StandardCharsets.US_ASCII),
            "in parts.".getBytes(StandardCharsets.US_ASCII));

    private EchoClient() {
    }

    @Async
    static Coroutine<Void> echoClient(String host, int port, List<byte[]> messages,
            PrintStream out) {
        Log log = new Log(out, "echo_client");
        log.debug("connecting to " + host + " port " + port);
        Connection connection = Weft.await(Streams.openConnection(host, port));
        StreamReader reader = connection.reader();
        StreamWriter writer = connection.writer();
        // This could be writer.writeLines() except that would make it harder to show each
        // part of the message being sent.
        for (byte[] msg : messages) {
            writer.write(msg);
            log.debug("sending " + Log.repr(msg));
        }
        if (writer.canWriteEof()) {
            writer.writeEof();
        }
        Weft.await(writer.drain());

        log.debug("waiting for response");
        while (true) {
            byte[] data = Weft.await(reader.read(128));
            if (data.length > 0) {
                log.debug("received " + Log.repr(data));
            } else {
                log.debug("closing");
                writer.close();
                // Python returns here; waiting for the close lets the socket go before the loop.
                Weft.await(writer.waitClosed());
                return Weft.done();
            }
        }
    }

    /** Connects to {@code HOST PORT} from {@code args}, or to localhost port 10000. */
    public static void main(String[] args) {
        Args a = Args.parse(args);
        run(a.host(), a.port(), System.out);
    }

    /** Runs the client against {@code host}:{@code port}, logging to {@code out}. */
    public static void run(String host, int port, PrintStream out) {
        EventLoop eventLoop = EventLoop.create();
        try {
            eventLoop.runUntilComplete(echoClient(host, port, MESSAGES, out));
        } finally {
            new Log(out, "main").debug("closing event loop");
            eventLoop.close();
        }
    }
}
