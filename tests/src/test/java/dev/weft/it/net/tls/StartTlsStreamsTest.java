package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import dev.weft.net.TlsTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link StreamWriter#startTls}, weft against weft, each case the twin of a CPython 3.13
 * program ({@code asyncio} streams with {@code StreamWriter.start_tls}) whose output the
 * expected logs reproduce: a STARTTLS exchange where the answer to the command and a line after
 * it were received in plaintext before the upgrade (the reader keeps that line), then an echo
 * over TLS and a close that reaches the server as EOF; and TLS in TLS, which asyncio 3.13 also
 * allows.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartTlsStreamsTest {
    static final String HOST = "127.0.0.1";
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void certificates() throws Exception {
        serverContext = TestCerts.get().localhost.serverContext();
        clientContext = TestCerts.get().localhost.trustingContext();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The server half of the Python twin: greeting, STARTTLS answer plus a line, upgrade, echo. */
    @Async
    static Coroutine<Void> starttlsServer(StreamReader r, StreamWriter w, List<String> log) {
        w.write(bytes("220 ready\n"));
        log.add("server got " + text(Weft.await(r.readLine())).trim());
        w.write(bytes("220 go ahead\nleftover\n"));
        Weft.await(w.drain());
        Weft.await(w.startTls(TlsOptions.of(serverContext)));
        log.add("server tls " + ((TlsTransport) w.transport()).session().getProtocol());
        String line = text(Weft.await(r.readLine()));
        log.add("server tls got " + line.trim());
        w.write(bytes("echo " + line));
        Weft.await(w.drain());
        log.add("server eof " + Weft.await(r.read(100)).length);
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> starttls() {
        List<String> log = new ArrayList<>();
        Server server = Weft.await(Streams.startServer((r, w) -> starttlsServer(r, w, log), HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        StreamReader r = c.reader();
        StreamWriter w = c.writer();
        log.add("client greeting " + text(Weft.await(r.readLine())).trim());
        w.write(bytes("STARTTLS\n"));
        log.add("client " + text(Weft.await(r.readLine())).trim());
        Weft.await(w.startTls(TlsOptions.of(clientContext).withServerName("localhost")));
        TlsTransport t = assertInstanceOf(TlsTransport.class, w.transport());
        log.add("client tls " + t.session().getProtocol());
        log.add("client buffered " + text(Weft.await(r.readLine())).trim());
        w.write(bytes("hello\n"));
        log.add("client echo " + text(Weft.await(r.readLine())).trim());
        w.close();
        Weft.await(w.waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(log);
    }

    @Test
    void startTls_starttlsExchange_bothSidesUpgrade_bufferedPlaintextIsReadFirst_likeCPython() {
        List<String> log = Weft.run(starttls());

        // CPython 3.13 prints, in this order: client greeting, server got, client 220 go ahead,
        // client tls, client buffered leftover, server tls, server tls got hello, client echo,
        // server eof. The two sides' lines interleave by scheduling; each side's order is fixed.
        List<String> client = new ArrayList<>();
        List<String> serverSide = new ArrayList<>();
        for (String line : log) {
            (line.startsWith("client") ? client : serverSide).add(line);
        }
        assertEquals(List.of("client greeting 220 ready", "client 220 go ahead",
                "client tls TLSv1.3", "client buffered leftover", "client echo echo hello"),
                client);
        assertEquals(List.of("server got STARTTLS", "server tls TLSv1.3", "server tls got hello",
                "server eof 0"), serverSide);
    }

    /** Upgrades once more inside TLS, then echoes a line. */
    @Async
    static Coroutine<Void> doubleServer(StreamReader r, StreamWriter w) {
        Weft.await(r.readLine());
        w.write(bytes("again\n"));
        Weft.await(w.startTls(TlsOptions.of(serverContext)));
        w.write(Weft.await(r.readLine()));
        Weft.await(w.drain());
        Weft.await(r.read(10));
        return Weft.done();
    }

    @Async
    static Coroutine<String> tlsInTls() {
        Server server = Weft.await(Streams.startServer(StartTlsStreamsTest::doubleServer, HOST, 0,
                TlsOptions.of(serverContext)));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port(),
                TlsOptions.of(clientContext)));
        TlsTransport outer = (TlsTransport) c.writer().transport();
        c.writer().write(bytes("STARTTLS\n"));
        String answer = text(Weft.await(c.reader().readLine()));
        Weft.await(c.writer().startTls(TlsOptions.of(clientContext).withServerName("localhost")));
        TlsTransport inner = (TlsTransport) c.writer().transport();
        c.writer().write(bytes("inside\n"));
        String echoed = text(Weft.await(c.reader().readLine()));
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(answer.trim() + " " + echoed.trim() + " " + (outer != inner) + " "
                + outer.isClosing());
    }

    @Test
    void startTls_onATlsConnection_upgradesAgain_tlsInTls_asAsyncio313Allows() {
        assertEquals("again inside true true", Weft.run(tlsInTls()));
    }

    /** A server that answers one line and then never upgrades: the client's handshake stalls. */
    @Async
    static Coroutine<Void> neverUpgrades(StreamReader r, StreamWriter w) {
        w.write(bytes("hi\n"));
        Weft.await(r.read()); // swallows the client's hello until the client gives up
        return Weft.done();
    }

    @Async
    static Coroutine<List<Object>> handshakeTimesOut() {
        Server server = Weft.await(Streams.startServer(StartTlsStreamsTest::neverUpgrades, HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        Weft.await(c.reader().readLine());
        Future<Void> up = c.writer().startTls(TlsOptions.of(clientContext).withServerName(
                "localhost").withHandshakeTimeout(java.time.Duration.ofMillis(300)));
        List<Object> out = new ArrayList<>();
        try {
            Weft.await(up);
            out.add("upgraded?");
        } catch (Exception e) {
            out.add(e);
        }
        out.add(c.writer().isClosing());
        // asyncio's reader would wait forever here; weft's learns of the failure.
        try {
            out.add("read " + Weft.await(c.reader().read(10)).length);
        } catch (Exception e) {
            out.add(e);
        }
        server.close();
        server.abortClients();
        Weft.await(server.waitClosed());
        return Weft.done(out);
    }

    @Test
    void startTls_peerNeverUpgrades_handshakeTimeout_closesAndFailsTheReaderToo() {
        List<Object> out = Weft.run(handshakeTimesOut());

        Exception up = (Exception) out.get(0);
        assertInstanceOf(javax.net.ssl.SSLHandshakeException.class, up);
        assertTrue(up.getMessage().contains("is taking longer than PT0.3S"), up.getMessage());
        assertEquals(true, out.get(1));
        assertEquals(up, out.get(2));
    }
}
