package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
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
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS streams, weft client against weft server on loopback: echo of small and large data, ALPN,
 * close from either side with {@code close_notify}, {@code writeEof} refused.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsStreamsTest {
    private static final String HOST = "127.0.0.1";
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void certificates() throws Exception {
        serverContext = TestCerts.get().localhost.serverContext();
        clientContext = TestCerts.get().localhost.trustingContext();
    }

    /** Echoes until EOF, recording the negotiated ALPN protocol first. */
    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer, List<String> log) {
        log.add("server alpn=" + ((TlsTransport) writer.transport()).applicationProtocol());
        while (true) {
            byte[] data = Weft.await(reader.read(64 * 1024));
            if (data.length == 0) {
                log.add("server eof");
                return Weft.done();
            }
            writer.write(data);
            Weft.await(writer.drain());
        }
    }

    @Async
    static Coroutine<List<String>> echoRoundTrip(byte[] payload) {
        List<String> log = new ArrayList<>();
        Server server = Weft.await(Streams.startServer((r, w) -> echo(r, w, log), HOST, 0,
                TlsOptions.of(serverContext).withApplicationProtocols("echo/1", "h2")));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port(),
                TlsOptions.of(clientContext).withApplicationProtocols("h2", "echo/1")));
        TlsTransport t = (TlsTransport) c.writer().transport();
        log.add("client alpn=" + t.applicationProtocol());
        log.add("version=" + t.session().getProtocol());
        c.writer().write(payload);
        Weft.await(c.writer().drain());
        byte[] back = Weft.await(c.reader().readExactly(payload.length));
        assertArrayEquals(payload, back);
        log.add("echoed " + back.length);
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        log.add("client closed");
        server.close();
        Weft.await(server.waitClosed()); // the server's side of the connection is gone too
        log.add("server connections=" + server.connectionCount());
        return Weft.done(log);
    }

    @Test
    void echo_smallMessage_alpnNegotiated_closeFromClientReachesServerAsEof() {
        List<String> log = Weft.run(echoRoundTrip("hello over tls\n".getBytes(StandardCharsets.UTF_8)));

        // The server prefers its own order: echo/1 is first of its list that the client offers.
        assertTrue(log.containsAll(List.of("server alpn=echo/1", "client alpn=echo/1",
                "version=TLSv1.3", "echoed 15", "server eof", "client closed",
                "server connections=0")), log.toString());
    }

    @Test
    void echo_largeMessage_manyRecordsAndDrainBackPressure() {
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        new Random(18).nextBytes(payload);

        List<String> log = Weft.run(echoRoundTrip(payload));

        assertTrue(log.contains("echoed " + payload.length), log.toString());
    }

    /** Writes a farewell and returns: the server then closes the connection (close_notify). */
    @Async
    static Coroutine<Void> sayByeAndReturn(StreamReader reader, StreamWriter writer) {
        writer.write("bye\n".getBytes(StandardCharsets.UTF_8));
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> closeFromServer() {
        List<String> log = new ArrayList<>();
        Server server = Weft.await(Streams.startServer(TlsStreamsTest::sayByeAndReturn, HOST, 0,
                TlsOptions.of(serverContext)));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port(),
                TlsOptions.of(clientContext)));
        log.add(new String(Weft.await(c.reader().readLine()), StandardCharsets.UTF_8));
        log.add("then " + Weft.await(c.reader().read(100)).length + " bytes");
        log.add("atEof=" + c.reader().atEof());
        Weft.await(c.writer().waitClosed()); // closed by itself after the server's close_notify
        log.add("client closing=" + c.writer().isClosing());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(log);
    }

    @Test
    void close_fromServer_clientReadsDataThenEofAndItsConnectionCloses() {
        assertEquals(List.of("bye\n", "then 0 bytes", "atEof=true", "client closing=true"),
                Weft.run(closeFromServer()));
    }

    @Async
    static Coroutine<List<Object>> writeEofRefused() {
        Server server = Weft.await(Streams.startServer(TlsStreamsTest::sayByeAndReturn, HOST, 0,
                TlsOptions.of(serverContext)));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port(),
                TlsOptions.of(clientContext)));
        List<Object> out = new ArrayList<>();
        out.add(c.writer().canWriteEof());
        out.add(assertThrows(UnsupportedOperationException.class, () -> c.writer().writeEof()));
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        out.add(assertThrows(IllegalStateException.class, () -> c.writer().write(new byte[1])));
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(out);
    }

    @Test
    void writeEof_onTls_isRefusedAsInAsyncio_andWriteAfterCloseIsABug() {
        List<Object> out = Weft.run(writeEofRefused());

        assertEquals(false, out.get(0));
        assertTrue(((Exception) out.get(1)).getMessage().contains("cannot be half-closed"),
                out.get(1).toString());
        assertTrue(((Exception) out.get(2)).getMessage().contains("after close()"),
                out.get(2).toString());
    }

    @Async
    static Coroutine<String> noAlpn() {
        Server server = Weft.await(Streams.startServer(TlsStreamsTest::sayByeAndReturn, HOST, 0,
                TlsOptions.of(serverContext)));
        Connection c = Weft.await(Streams.openConnection("localhost", server.port(),
                TlsOptions.of(clientContext)));
        String alpn = ((TlsTransport) c.writer().transport()).applicationProtocol();
        Weft.await(c.reader().readLine());
        c.writer().close();
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(alpn);
    }

    @Test
    void alpn_notConfigured_isNull_andHostNameLocalhostVerifies() {
        assertNull(Weft.run(noAlpn()));
    }

    @Test
    void startServer_withoutContext_isADocumentedIllegalArgumentException() {
        IllegalArgumentException e = Weft.run(serverWithoutContext());

        assertTrue(e.getMessage().contains("needs an SSLContext"), e.getMessage());
    }

    @Async
    static Coroutine<IllegalArgumentException> serverWithoutContext() {
        return Weft.done(assertThrows(IllegalArgumentException.class,
                () -> Streams.startServer(TlsStreamsTest::sayByeAndReturn, HOST, 0,
                        TlsOptions.client())));
    }
}
