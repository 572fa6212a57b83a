package dev.weft.examples.net;

import dev.weft.net.Endpoints;
import dev.weft.net.Protocol;
import dev.weft.net.Server;
import dev.weft.net.Transport;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The protocol-based echo server of seed 004 (section 11): no coroutines, just a
 * {@link Protocol} whose callbacks the transport calls — {@code connectionMade}, then
 * {@code dataReceived} for each chunk (written straight back), {@code eofReceived} (answered with
 * an EOF), {@code connectionLost}.
 *
 * <p>Run: {@code java -jar weft-examples.jar ProtocolEchoServer [HOST PORT]}; Ctrl-C stops it.
 * Logs what the Python program logs, on standard output.
 */
public final class ProtocolEchoServer {

    /** One connection's protocol: the seed's {@code EchoServer(asyncio.Protocol)}. */
    static final class EchoProtocol implements Protocol {
        private final PrintStream out;
        private Transport transport;
        private Log log;

        EchoProtocol(PrintStream out) {
            this.out = out;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            log = new Log(out, "EchoServer_" + Log.peer(t.remoteAddress()));
            log.debug("connection accepted");
        }

        @Override
        public void dataReceived(byte[] data) {
            log.debug("received " + Log.repr(data));
            transport.write(data);
            log.debug("sent " + Log.repr(data));
        }

        @Override
        public boolean eofReceived() {
            log.debug("received EOF");
            if (transport.canWriteEof()) {
                transport.writeEof();
            }
            return false; // as Python's None: the transport closes itself
        }

        @Override
        public void connectionLost(Exception error) {
            if (error != null) {
                log.debug("ERROR: " + error);
            } else {
                log.debug("closing");
            }
        }
    }

    private ProtocolEchoServer() {
    }

    /** Runs the server on {@code HOST PORT} from {@code args}, or on localhost port 10000. */
    public static void main(String[] args) {
        Args a = Args.parse(args);
        run(a.host(), a.port(), System.out, server -> { });
    }

    /** Runs the server until its loop is stopped; see {@link ServerRunner}. */
    public static void run(String host, int port, PrintStream out, Consumer<Server> started) {
        ServerRunner.run(host, port, out,
                loop -> Endpoints.createServer(loop, () -> new EchoProtocol(out), host, port),
                started, server -> { });
    }
}
