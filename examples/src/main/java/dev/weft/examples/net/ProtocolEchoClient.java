package dev.weft.examples.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.net.Endpoints;
import dev.weft.net.Protocol;
import dev.weft.net.Transport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The protocol-based echo client of seed 004 (section 11): writes the message parts and an EOF
 * from {@code connectionMade}, logs what comes back, and completes a future when the server's
 * EOF arrives; the main program runs the loop until then.
 *
 * <p>The seed spells its {@code connection_lost} callback {@code connnection_lost}, so asyncio
 * never calls it and "server closed connection" never appears in its log; to print the same log,
 * this protocol does not log in {@code connectionLost} either.
 *
 * <p>Run: {@code java -jar weft-examples.jar ProtocolEchoClient [HOST PORT]}.
 */
public final class ProtocolEchoClient {
    static final List<byte[]> MESSAGES = List.of(
            "This is the message. ".getBytes(StandardCharsets.US_ASCII),
            "It will be sent ".getBytes(StandardCharsets.US_ASCII),
            "in parts.".getBytes(StandardCharsets.US_ASCII));

    /** The seed's {@code EchoClient(asyncio.Protocol)}. */
    static final class EchoProtocol implements Protocol {
        private final List<byte[]> messages;
        private final Future<Boolean> f;
        private final Log log;
        private Transport transport;

        EchoProtocol(List<byte[]> messages, Future<Boolean> future, PrintStream out) {
            this.messages = messages;
            this.f = future;
            this.log = new Log(out, "EchoClient");
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            log.debug("connectiong to " + Log.hostPort(t.remoteAddress()));
            for (byte[] msg : messages) {
                t.write(msg);
                log.debug("sending " + Log.repr(msg));
            }
            if (t.canWriteEof()) {
                t.writeEof();
            }
        }

        @Override
        public void dataReceived(byte[] data) {
            log.debug("received " + Log.repr(data));
        }

        @Override
        public boolean eofReceived() {
            log.debug("received EOF");
            transport.close();
            if (!f.done()) {
                f.setResult(true);
            }
            return false;
        }

        @Override
        public void connectionLost(Exception exc) {
            if (!f.done()) {
                f.setResult(true); // a server that vanished without EOF must not hang the client
            }
        }
    }

    private ProtocolEchoClient() {
    }

    /** Connects to {@code HOST PORT} from {@code args}, or to localhost port 10000. */
    public static void main(String[] args) {
        Args a = Args.parse(args);
        run(a.host(), a.port(), System.out);
    }

    /** Runs the client against {@code host}:{@code port}, logging to {@code out}. */
    public static void run(String host, int port, PrintStream out) {
        Log log = new Log(out, "main");
        EventLoop eventLoop = EventLoop.create();
        Future<Boolean> clientCompleted = eventLoop.createFuture();
        Future<Transport> factoryCoroutine = Endpoints.createConnection(eventLoop,
                () -> new EchoProtocol(MESSAGES, clientCompleted, out), host, port);
        log.debug("waiting for client to complete");
        try {
            eventLoop.runUntilComplete(factoryCoroutine);
            eventLoop.runUntilComplete(clientCompleted);
        } finally {
            log.debug("closing event loop");
            eventLoop.close();
        }
    }
}
