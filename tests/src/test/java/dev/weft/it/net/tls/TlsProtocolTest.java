package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Endpoints;
import dev.weft.net.Protocol;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.TlsOptions;
import dev.weft.net.TlsTransport;
import dev.weft.net.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol form of TLS ({@code Endpoints.createConnection/createServer} with
 * {@link TlsOptions}): a plain {@link Protocol} gets decrypted bytes through
 * {@code dataReceived}, the callbacks come in asyncio's order, and a write from inside
 * {@code dataReceived} (an echo) works.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsProtocolTest {
    private static final String HOST = "127.0.0.1";

    /** Echoes from dataReceived itself; logs its callbacks. */
    static final class EchoProtocol implements Protocol {
        final List<String> log;
        Transport transport;

        EchoProtocol(List<String> log) {
            this.log = log;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            log.add("server made " + ((TlsTransport) t).applicationProtocol());
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }

        @Override
        public boolean eofReceived() {
            log.add("server eof");
            return false;
        }

        @Override
        public void connectionLost(Exception exc) {
            log.add("server lost " + exc);
        }
    }

    /** Collects what it receives until a given size, then closes. */
    static final class Collector implements Protocol {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        final List<String> log;
        final Future<Void> lost;
        final int expected;
        Transport transport;

        Collector(List<String> log, Future<Void> lost, int expected) {
            this.log = log;
            this.lost = lost;
            this.expected = expected;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            log.add("client made");
        }

        @Override
        public void dataReceived(byte[] data) {
            got.write(data, 0, data.length);
            if (got.size() == expected) {
                log.add("client got " + expected);
                transport.close();
            }
        }

        @Override
        public void connectionLost(Exception exc) {
            log.add("client lost " + exc);
            lost.setResult(null);
        }
    }

    @Async
    static Coroutine<List<String>> roundTrip(int size) throws Exception {
        TestCerts certs = TestCerts.get();
        EventLoop loop = Weft.loop();
        List<String> log = new ArrayList<>();
        Server server = Weft.await(Endpoints.createServer(loop, () -> new EchoProtocol(log), HOST, 0,
                ServerOptions.defaults(), TlsOptions.of(certs.localhost.serverContext())
                        .withApplicationProtocols("echo/1")));
        Future<Void> lost = loop.createFuture();
        Transport t = Weft.await(Endpoints.createConnection(loop, () -> new Collector(log, lost, size), HOST,
                server.port(), TlsOptions.of(certs.localhost.trustingContext())
                        .withApplicationProtocols("echo/1")));
        assertInstanceOf(TlsTransport.class, t);
        byte[] payload = new byte[size];
        java.util.Arrays.fill(payload, (byte) 'x');
        t.write(payload);
        Weft.await(lost);
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(log);
    }

    @Test
    void protocolForm_echoFromDataReceived_closeNotifyIsTheServersEofThenBothLost()
            throws Exception {
        List<String> log = Weft.run(roundTrip(200_000));

        assertTrue(log.containsAll(List.of("server made echo/1", "client made",
                "client got 200000", "server eof", "server lost null", "client lost null")),
                log.toString());
        assertTrue(log.indexOf("client made") < log.indexOf("client got 200000"), log.toString());
        assertTrue(log.indexOf("server eof") < log.indexOf("server lost null"), log.toString());
        assertEquals(6, log.size(), log.toString());
    }
}
