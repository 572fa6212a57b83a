package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Endpoints;
import dev.weft.net.Protocol;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.Endpoints;
import dev.weft.net.TlsOptions;
import dev.weft.net.TlsTransport;
import dev.weft.net.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Endpoints#startTls}, the protocol form (asyncio's {@code loop.start_tls}): a server
 * protocol that upgrades from its own {@code dataReceived} when the client says STARTTLS, and a
 * client that upgrades its transport; after the upgrade both write to the returned
 * {@link TlsTransport} and receive decrypted bytes in the same protocol, whose
 * {@code connectionMade} is not called again.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartTlsProtocolTest {
    private static final String HOST = "127.0.0.1";

    /** Answers STARTTLS with GO and upgrades; afterwards echoes in upper case. */
    static final class StarttlsServer implements Protocol {
        final List<String> log;
        final TlsOptions tls;
        Transport transport;
        boolean upgraded;

        StarttlsServer(List<String> log, TlsOptions tls) {
            this.log = log;
            this.tls = tls;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            log.add("server made");
        }

        @Override
        public void dataReceived(byte[] data) {
            String text = new String(data, StandardCharsets.US_ASCII);
            if (!upgraded) {
                log.add("server plain " + text.trim());
                upgraded = true;
                transport.write("GO\n".getBytes(StandardCharsets.US_ASCII));
                Endpoints.startTls(Weft.loop(), transport, this, tls, true)
                        .addDoneCallback(f -> {
                            transport = f.result();
                            log.add("server upgraded");
                        });
                return;
            }
            log.add("server tls " + text.trim());
            transport.write(text.toUpperCase().getBytes(StandardCharsets.US_ASCII));
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

    /** Completes {@code got} with each chunk it receives, one future at a time. */
    static final class Client implements Protocol {
        final List<String> log;
        final EventLoop loop;
        Future<String> next;
        final Future<Void> lost;

        Client(List<String> log, EventLoop loop) {
            this.log = log;
            this.loop = loop;
            this.next = loop.createFuture();
            this.lost = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport t) {
            log.add("client made");
        }

        @Override
        public void dataReceived(byte[] data) {
            next.setResult(new String(data, StandardCharsets.US_ASCII));
        }

        Future<String> expect() {
            next = loop.createFuture();
            return next;
        }

        @Override
        public void connectionLost(Exception exc) {
            log.add("client lost " + exc);
            lost.setResult(null);
        }
    }

    @Async
    static Coroutine<List<String>> upgradeBothWays() throws Exception {
        TestCerts certs = TestCerts.get();
        EventLoop loop = Weft.loop();
        List<String> log = new ArrayList<>();
        TlsOptions serverTls = TlsOptions.of(certs.localhost.serverContext());
        Server server = Weft.await(Endpoints.createServer(loop,
                () -> new StarttlsServer(log, serverTls), HOST, 0, ServerOptions.defaults()));
        Client client = new Client(log, loop);
        Transport plain = Weft.await(Endpoints.createConnection(loop, () -> client, HOST,
                server.port()));
        Future<String> go = client.next;
        plain.write("STARTTLS\n".getBytes(StandardCharsets.US_ASCII));
        log.add("client got " + Weft.await(go).trim());
        TlsTransport tls = Weft.await(Endpoints.startTls(loop, plain, client,
                TlsOptions.of(certs.localhost.trustingContext()).withServerName("localhost"),
                false));
        log.add("client upgraded " + tls.session().getProtocol() + " same protocol="
                + (tls.getProtocol() == client));
        Future<String> echo = client.expect();
        tls.write("secret\n".getBytes(StandardCharsets.US_ASCII));
        log.add("client got " + Weft.await(echo).trim());
        tls.close();
        Weft.await(client.lost);
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(log);
    }

    @Test
    void startTls_protocolForm_serverUpgradesFromDataReceived_clientFromItsCoroutine()
            throws Exception {
        List<String> log = Weft.run(upgradeBothWays());

        List<String> client = new ArrayList<>();
        List<String> server = new ArrayList<>();
        for (String line : log) {
            (line.startsWith("client") ? client : server).add(line);
        }
        assertEquals(List.of("client made", "client got GO", "client upgraded TLSv1.3 same "
                + "protocol=true", "client got SECRET", "client lost null"), client);
        assertEquals(List.of("server made", "server plain STARTTLS", "server upgraded",
                "server tls secret", "server eof", "server lost null"), server);
    }
}
