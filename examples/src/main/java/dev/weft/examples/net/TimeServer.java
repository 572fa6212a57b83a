package dev.weft.examples.net;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The time server of seed 000's tasks ("every connected client is sent the time once a
 * second"): each client gets a coroutine that writes the local time as {@code HH:mm:ss\r\n},
 * sleeps a second, and repeats until the client goes away. A client that stops reading only
 * stops its own coroutine, at {@code drain()}; a client that disconnects ends it with an error
 * at the next write, which is logged; the others never notice.
 *
 * <p>Run: {@code java -jar weft-examples.jar TimeServer [HOST PORT]}, then
 * {@code nc localhost 10000} or {@code telnet localhost 10000} from as many terminals as you
 * like; Ctrl-C stops it.
 */
public final class TimeServer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final long intervalMillis;

    private TimeServer(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    /** Sends the time to one client every interval until it closes or fails. */
    @Async
    Coroutine<Void> tell(StreamReader reader, StreamWriter writer) {
        Log log = new Log(out, "time_" + Log.peer(writer.remoteAddress()));
        log.debug("connection accepted");
        try {
            // The client closing its side (EOF) ends the loop; anything it types is ignored.
            while (!reader.atEof()) {
                String now = LocalTime.now().format(TIME) + "\r\n";
                writer.write(now.getBytes(StandardCharsets.US_ASCII));
                Weft.await(writer.drain());
                Weft.await(Weft.sleep(intervalMillis));
            }
            log.debug("closing");
        } catch (Exception e) {
            log.debug("client gone: " + e);
        }
        writer.close();
        return Weft.done();
    }

    @Async
    Coroutine<Server> start(String host, int port) {
        Server server = Weft.await(Streams.startServer(this::tell, host, port));
        return Weft.done(server);
    }

    /** Runs the server on {@code HOST PORT} from {@code args}, or on localhost port 10000. */
    public static void main(String[] args) {
        Args a = Args.parse(args);
        run(a.host(), a.port(), 1000, System.out, server -> { });
    }

    /**
     * Runs the server until its loop is stopped, sending the time every {@code intervalMillis};
     * see {@link ServerRunner}. Open connections are closed when it stops.
     */
    public static void run(String host, int port, long intervalMillis, PrintStream out,
            Consumer<Server> started) {
        TimeServer app = new TimeServer(out, intervalMillis);
        ServerRunner.run(host, port, out, loop -> loop.createTask(app.start(host, port)),
                started, Server::abortClients);
    }
}
