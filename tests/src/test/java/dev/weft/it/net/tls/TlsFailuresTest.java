package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.OpenFiles;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS bad input: each failure is a clear exception on the side that should see it (the client's
 * connect future, or the server loop's exception handler), and no socket is left open.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsFailuresTest {
    private static final String HOST = "127.0.0.1";
    private static final Duration SHORT = Duration.ofMillis(300);

    /** What a scenario saw: the client's exception and the server loop's reports. */
    static final class Outcome {
        Throwable client;
        final List<String> reports = new ArrayList<>();
        final List<Throwable> reported = new ArrayList<>();
        int serverConnectionsAtEnd = -1;
    }

    @Async
    static Coroutine<Void> echoLine(StreamReader reader, StreamWriter writer) {
        writer.write(Weft.await(reader.readLine()));
        return Weft.done();
    }

    private static void recordReports(Outcome out) {
        Weft.loop().setExceptionHandler((BiConsumer<String, Throwable>) (msg, t) -> {
            out.reports.add(msg);
            out.reported.add(t);
        });
    }

    /** Serves {@code serverCert}, connects with {@code client}; records what each side saw. */
    @Async
    static Coroutine<Outcome> handshake(SSLContext serverContext, String host, TlsOptions client) {
        Outcome out = new Outcome();
        recordReports(out);
        Server server = Weft.await(Streams.startServer(TlsFailuresTest::echoLine, HOST, 0,
                TlsOptions.of(serverContext)));
        try {
            Connection c = Weft.await(Streams.openConnection(host, server.port(), client));
            c.writer().write("ping\n".getBytes(StandardCharsets.UTF_8));
            Weft.await(c.reader().readLine());
            c.writer().close();
            Weft.await(c.writer().waitClosed());
        } catch (Exception e) { // Weft.await rethrows the connect's IOException unchanged
            out.client = e;
        }
        Weft.await(settle(server, out));
        return Weft.done(out);
    }

    /** Closes the server and waits (bounded) for its connections to be gone. */
    @Async
    static Coroutine<Void> settle(Server server, Outcome out) {
        for (int i = 0; i < 100 && server.connectionCount() > 0; i++) {
            Weft.await(Weft.sleep(20));
        }
        out.serverConnectionsAtEnd = server.connectionCount();
        server.close();
        Weft.await(server.waitClosed());
        Weft.await(Weft.sleep(50)); // let the last connectionLost callbacks close their sockets
        return Weft.done();
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append(" <- ");
        }
        return sb.toString();
    }

    private static Outcome withoutLeak(java.util.function.Supplier<Outcome> scenario) {
        int before = OpenFiles.available() ? OpenFiles.sockets() : 0;
        Outcome out = scenario.get();
        if (OpenFiles.available()) {
            assertEquals(before, OpenFiles.sockets(), "sockets left open");
        }
        assertEquals(0, out.serverConnectionsAtEnd, "server connections left open");
        return out;
    }

    @Test
    void wrongHostName_clientFailsWithSslHandshakeException_serverReportsTheAlert() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext server = certs.otherHost.serverContext();
        TlsOptions client = TlsOptions.of(certs.otherHost.trustingContext());

        Outcome out = withoutLeak(() -> Weft.run(handshake(server, "localhost", client)));

        assertInstanceOf(SSLHandshakeException.class, out.client, chain(out.client));
        assertTrue(chain(out.client).contains("localhost"), chain(out.client));
        assertTrue(causedBy(out.client, java.security.cert.CertificateException.class),
                chain(out.client));
        assertTrue(out.reports.stream().anyMatch(m -> m.contains("TLS handshake failed")),
                out.reports.toString());
    }

    @Test
    void wrongHostName_acceptedWithVerificationOffOrTheRightServerName() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext server = certs.otherHost.serverContext();
        TlsOptions client = TlsOptions.of(certs.otherHost.trustingContext());

        Outcome off = withoutLeak(() -> Weft.run(handshake(server, "localhost",
                client.withHostnameVerification(false))));
        Outcome named = withoutLeak(() -> Weft.run(handshake(server, HOST,
                client.withServerName("other.example"))));

        assertEquals(null, off.client);
        assertEquals(null, named.client);
        assertEquals(List.of(), off.reports);
        assertEquals(List.of(), named.reports);
    }

    @Test
    void untrustedCertificate_clientFailsWithPkixError() throws Exception {
        SSLContext server = TestCerts.get().localhost.serverContext();

        // The JDK's default trust store does not know a certificate made a moment ago.
        Outcome out = withoutLeak(() -> Weft.run(handshake(server, "localhost",
                TlsOptions.client())));

        assertInstanceOf(SSLHandshakeException.class, out.client, chain(out.client));
        assertTrue(chain(out.client).contains("PKIX"), chain(out.client));
        assertTrue(out.reports.stream().anyMatch(m -> m.contains("TLS handshake failed")),
                out.reports.toString());
    }

    @Test
    void expiredCertificate_clientFailsAndSaysExpired() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext server = certs.expired.serverContext();
        TlsOptions client = TlsOptions.of(certs.expired.trustingContext());

        Outcome out = withoutLeak(() -> Weft.run(handshake(server, "localhost", client)));

        assertInstanceOf(SSLHandshakeException.class, out.client, chain(out.client));
        assertTrue(causedBy(out.client, CertificateExpiredException.class), chain(out.client));
    }

    /** A blocking peer on a helper thread: sends {@code bytes}, then reads until EOF. */
    private static int sendAndReadToEof(int port, byte[] bytes) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port));
            s.setSoTimeout(20_000);
            s.getOutputStream().write(bytes);
            InputStream in = s.getInputStream();
            int total = 0;
            try {
                for (int n = in.read(new byte[512]); n >= 0; n = in.read(new byte[512])) {
                    total += n;
                }
            } catch (java.net.SocketException reset) {
                return -2; // the server aborted: a reset is an end as good as EOF here
            }
            return total;
        }
    }

    @Async
    static Coroutine<Outcome> rawPeer(byte[] bytes, TlsOptions serverOptions) {
        Outcome out = new Outcome();
        recordReports(out);
        Server server = Weft.await(Streams.startServer(TlsFailuresTest::echoLine, HOST, 0,
                serverOptions));
        int port = server.port();
        Weft.await(Weft.toThread(() -> sendAndReadToEof(port, bytes)));
        Weft.await(settle(server, out));
        return Weft.done(out);
    }

    @Test
    void plaintextToTlsPort_serverReportsAnSslExceptionAndClosesTheSocket() throws Exception {
        TlsOptions server = TlsOptions.of(TestCerts.get().localhost.serverContext());
        byte[] http = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        Outcome out = withoutLeak(() -> Weft.run(rawPeer(http, server)));

        assertEquals(1, out.reported.size(), out.reports.toString());
        assertTrue(out.reports.get(0).contains("TLS handshake failed with /127.0.0.1:"),
                out.reports.get(0));
        assertInstanceOf(SSLException.class, out.reported.get(0));
    }

    @Test
    void peerStallsMidHandshake_serverTimesOutAndClosesTheSocket() throws Exception {
        TlsOptions server = TlsOptions.of(TestCerts.get().localhost.serverContext())
                .withHandshakeTimeout(SHORT);
        // The start of a ClientHello record (handshake, TLS 1.0 record version, 512 bytes long)
        // and then nothing more.
        byte[] partial = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};

        Outcome out = withoutLeak(() -> Weft.run(rawPeer(partial, server)));

        assertEquals(1, out.reported.size(), out.reports.toString());
        assertInstanceOf(SSLHandshakeException.class, out.reported.get(0));
        assertTrue(out.reported.get(0).getMessage().contains("is taking longer than PT0.3S"),
                out.reported.get(0).getMessage());
    }

    /** A plaintext handler that reads what comes and never answers. */
    @Async
    static Coroutine<Void> silent(StreamReader reader, StreamWriter writer) {
        while (Weft.await(reader.read(4096)).length > 0) {
            // swallow the ClientHello; say nothing
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Outcome> clientAgainstSilentServer(SSLContext trusting) {
        Outcome out = new Outcome();
        Server server = Weft.await(Streams.startServer(TlsFailuresTest::silent, HOST, 0));
        try {
            Weft.await(Streams.openConnection(HOST, server.port(),
                    TlsOptions.of(trusting)
                            .withHandshakeTimeout(SHORT)));
        } catch (Exception e) { // Weft.await rethrows the connect's IOException unchanged
            out.client = e;
        }
        Weft.await(settle(server, out));
        return Weft.done(out);
    }

    @Test
    void serverStallsHandshake_clientConnectFailsAfterTheHandshakeTimeout() throws Exception {
        SSLContext trusting = TestCerts.get().localhost.trustingContext();

        Outcome out = withoutLeak(() -> Weft.run(clientAgainstSilentServer(trusting)));

        assertInstanceOf(SSLHandshakeException.class, out.client, chain(out.client));
        assertTrue(out.client.getMessage().contains("is taking longer than PT0.3S"),
                out.client.getMessage());
    }

    /** A plaintext handler that reads the ClientHello and hangs up. */
    @Async
    static Coroutine<Void> hangUp(StreamReader reader, StreamWriter writer) {
        Weft.await(reader.read(4096));
        return Weft.done(); // the server closes the connection with the handler
    }

    @Async
    static Coroutine<Outcome> clientAgainstHangingUpServer(SSLContext trusting) {
        Outcome out = new Outcome();
        Server server = Weft.await(Streams.startServer(TlsFailuresTest::hangUp, HOST, 0));
        try {
            Weft.await(Streams.openConnection(HOST, server.port(), TlsOptions.of(trusting)));
        } catch (Exception e) {
            out.client = e;
        }
        Weft.await(settle(server, out));
        return Weft.done(out);
    }

    @Test
    void peerClosesMidHandshake_clientConnectFailsSayingSo() throws Exception {
        SSLContext trusting = TestCerts.get().localhost.trustingContext();

        Outcome out = withoutLeak(() -> Weft.run(clientAgainstHangingUpServer(trusting)));

        assertInstanceOf(SSLHandshakeException.class, out.client, chain(out.client));
        assertTrue(out.client.getMessage().contains("closed the connection during the TLS "
                + "handshake"), out.client.getMessage());
    }

    /** Records what the server's reader says when the peer resets in the middle of a record. */
    @Async
    static Coroutine<Void> readUntilError(StreamReader reader, StreamWriter writer,
            List<Throwable> seen) {
        try {
            writer.write(Weft.await(reader.readLine())); // the peer knows the handler runs
            while (Weft.await(reader.read(4096)).length > 0) {
                // keep reading
            }
            seen.add(null);
        } catch (Exception e) {
            seen.add(e);
        }
        return Weft.done();
    }

    /** Handshakes with a JDK SSLSocket, sends half a record on the raw socket, then resets. */
    private static Void resetMidRecord(int port, SSLContext trusting) throws IOException {
        Socket raw = new Socket(HOST, port);
        SSLSocket tls = (SSLSocket) trusting.getSocketFactory().createSocket(raw, "localhost",
                port, false);
        tls.startHandshake();
        tls.getOutputStream().write("whole record\n".getBytes(StandardCharsets.UTF_8));
        tls.getOutputStream().flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(tls.getInputStream(),
                StandardCharsets.UTF_8)).readLine(); // the echo: the server's handler runs
        // An application-data record header announcing 1,000 bytes, and only 10 of them.
        raw.getOutputStream().write(new byte[] {0x17, 0x03, 0x03, 0x03, (byte) 0xe8,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        raw.getOutputStream().flush();
        raw.setSoLinger(true, 0); // close with RST
        raw.close();
        return null;
    }

    @Async
    static Coroutine<Outcome> peerResetsMidRecord(SSLContext serverContext,
            SSLContext trusting) {
        Outcome out = new Outcome();
        recordReports(out);
        List<Throwable> seen = new ArrayList<>();
        Server server = Weft.await(Streams.startServer((r, w) -> readUntilError(r, w, seen), HOST,
                0, TlsOptions.of(serverContext)));
        int port = server.port();
        Weft.await(Weft.toThread(() -> resetMidRecord(port, trusting)));
        Weft.await(settle(server, out));
        out.client = seen.isEmpty() ? new AssertionError("the handler did not end") : seen.get(0);
        return Weft.done(out);
    }

    @Test
    void peerResetsMidRecord_serverReaderFailsWithConnectionReset() throws Exception {
        TestCerts certs = TestCerts.get();
        SSLContext server = certs.localhost.serverContext();
        SSLContext trusting = certs.localhost.trustingContext();

        Outcome out = withoutLeak(() -> Weft.run(peerResetsMidRecord(server, trusting)));

        // The server's reader sees the reset as the IOException of a socket read.
        assertInstanceOf(IOException.class, out.client, String.valueOf(out.client));
        assertTrue(String.valueOf(out.client.getMessage()).toLowerCase().contains("reset"),
                chain(out.client));
    }
}
