package dev.weft.examples.net;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The echo server of seed 002 ({@code asyncio_echo_server_coroutine.py}), with streams: every
 * client gets its own coroutine, which reads up to 128 bytes at a time and writes them back
 * until the client closes its side.
 *
 * <p>Run: {@code java -jar weft-examples.jar EchoServer [HOST PORT]} (default
 * {@code localhost 10000}), then {@code EchoClient} or {@code nc localhost 10000}; Ctrl-C stops
 * it. Logs what the Python program logs, on standard output.
 */
public final class EchoServer {
    private final PrintStream out;

    private EchoServer(PrintStream out) {
        this.out = out;
    }

    /** Serves one client: the seed's {@code echo(reader, writer)}. */
    @Async
    Coroutine<Void> echo(StreamReader reader, StreamWriter writer) {
        Log log = new Log(out, "echo_" + Log.peer(writer.remoteAddress()));
        log.debug("connection accepted");
        while (true) {
            byte[] data = Weft.await(reader.read(128));
            if (data.length > 0) {
                log.debug("received " + Log.repr(data));
                writer.write(data);
                Weft.await(writer.drain());
                log.debug("sent " + Log.repr(data));
            } else {
                log.debug("closing");
                writer.close();
                return Weft.done();
            }
        }
    }

    @Async
    Coroutine<Server> start(String host, int port) {
        Server server = Weft.await(Streams.startServer(this::echo, host, port));
        return Weft.done(server);
    }

    /** Runs the server on {@code HOST PORT} from {@code args}, or on localhost port 10000. */
    public static void main(String[] args) {
        Args a = Args.parse(args);
        run(a.host(), a.port(), System.out, server -> { });
    }

    /**
     * Runs the server until its loop is stopped, logging to {@code out}; {@code started}
     * receives the listening server (see {@link ServerRunner}).
     */
    public static void run(String host, int port, PrintStream out, Consumer<Server> started) {
        EchoServer app = new EchoServer(out);
        ServerRunner.run(host, port, out, loop -> loop.createTask(app.start(host, port)), started,
                server -> { });
    }
}
