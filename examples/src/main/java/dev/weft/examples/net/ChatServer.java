package dev.weft.examples.net;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.LimitOverrunError;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.PrintStream;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The chat server of seed 000's tasks (IRC without commands): every line a client types goes to
 * every other client, prefixed with the sender's address; {@code telnet} or {@code nc} are the
 * clients.
 *
 * <p>One coroutine per client reads its lines; a line is written to every other client's
 * writer without waiting, in the order the server read the lines, so all clients see the same
 * order. Nobody can stall the others: the server never awaits a slow reader. Instead each
 * client has a per-client output limit ({@value #DEFAULT_MAX_BACKLOG} bytes by default, or the
 * {@code maxBacklog} of {@link #run}) on top of a kernel send buffer of {@value #SEND_BUFFER}
 * bytes: when a message would take a client's unsent backlog past the limit, the client is
 * disconnected at once (its backlog dropped) instead of being sent the message. So a client that
 * never reads costs at most about the limit in memory; one that is sent less than the limit
 * while it does not read stays connected, holding what it was sent. Lines longer than the
 * reader's 64 KiB limit are dropped with a notice to their sender.
 *
 * <p>Run: {@code java -jar weft-examples.jar ChatServer [HOST PORT]}, then
 * {@code telnet localhost 10000} from several terminals; Ctrl-C stops it.
 */
public final class ChatServer {
    /** The default per-client output limit: 1 MiB of unsent data. */
    public static final int DEFAULT_MAX_BACKLOG = 1 << 20;
    /**
     * The kernel send buffer asked for each client (the kernel may double it): without it, Linux
     * lets a loopback connection's send buffer grow to megabytes for a client that never reads.
     */
    static final int SEND_BUFFER = 64 * 1024;

    private final PrintStream out;
    private final int maxBacklog;
    private final Set<StreamWriter> clients = new LinkedHashSet<>();

    private ChatServer(PrintStream out, int maxBacklog) {
        this.out = out;
        this.maxBacklog = maxBacklog;
    }

    /** Relays one client's lines to the others until it leaves. */
    @Async
    Coroutine<Void> chat(StreamReader reader, StreamWriter writer) {
        String name = Log.peer(writer.remoteAddress());
        Log log = new Log(out, "chat_" + name);
        byte[] prefix = (name + ": ").getBytes(StandardCharsets.UTF_8);
        writer.transport().setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
        clients.add(writer);
        broadcast(("* " + name + " joined\r\n").getBytes(StandardCharsets.UTF_8), writer);
        log.debug("connection accepted");
        try {
            while (true) {
                byte[] line;
                try {
                    line = Weft.await(reader.readLine());
                } catch (LimitOverrunError e) {
                    writer.write("* line too long, dropped\r\n".getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                if (line.length == 0) {
                    break;
                }
                broadcast(concat(prefix, line), writer);
            }
            log.debug("closing");
        } catch (Exception e) {
            log.debug("client gone: " + e);
        } finally {
            clients.remove(writer);
            writer.close();
        }
        broadcast(("* " + name + " left\r\n").getBytes(StandardCharsets.UTF_8), null);
        return Weft.done();
    }

    /** Writes {@code message} to every client but {@code from}; drops clients over the limit. */
    private void broadcast(byte[] message, StreamWriter from) {
        for (Iterator<StreamWriter> it = clients.iterator(); it.hasNext();) {
            StreamWriter w = it.next();
            if (w == from || w.isClosing()) {
                continue;
            }
            if (w.transport().getWriteBufferSize() + message.length > maxBacklog) {
                it.remove(); // its coroutine sees EOF and finishes
                w.transport().abort();
                continue;
            }
            w.write(message);
        }
    }

    private static byte[] concat(byte[] prefix, byte[] line) {
        boolean terminated = line[line.length - 1] == '\n';
        byte[] all = new byte[prefix.length + line.length + (terminated ? 0 : 2)];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(line, 0, all, prefix.length, line.length);
        if (!terminated) {
            all[all.length - 2] = '\r';
            all[all.length - 1] = '\n';
        }
        return all;
    }

    @Async
    Coroutine<Server> start(String host, int port) {
        Server server = Weft.await(Streams.startServer(this::chat, host, port,
                StreamReader.DEFAULT_LIMIT, ServerOptions.defaults().withBacklog(1000)));
        return Weft.done(server);
    }

    /** Runs the server on {@code HOST PORT} from {@code args}, or on localhost port 10000. */
    public static void main(String[] args) {
        Args a = Args.parse(args);
        run(a.host(), a.port(), DEFAULT_MAX_BACKLOG, System.out, server -> { });
    }

    /**
     * Runs the server until its loop is stopped, with a per-client output limit of
     * {@code maxBacklog} bytes; see {@link ServerRunner}. Open connections are closed when it
     * stops.
     */
    public static void run(String host, int port, int maxBacklog, PrintStream out,
            Consumer<Server> started) {
        ChatServer app = new ChatServer(out, maxBacklog);
        ServerRunner.run(host, port, out, loop -> loop.createTask(app.start(host, port)),
                started, Server::abortClients);
    }
}
