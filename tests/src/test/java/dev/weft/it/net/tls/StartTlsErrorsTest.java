package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.Endpoints;
import dev.weft.net.TlsOptions;
import dev.weft.net.Transport;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad arguments to startTls, each a clear exception that leaves the connection as it was,
 * where asyncio 3.13 raises (its twin's output in each comment), or where asyncio has no error
 * and hangs (a client without a server name).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartTlsErrorsTest {
    private static final String HOST = "127.0.0.1";
    private static SSLContext clientContext;
    private static SSLContext serverContext;

    @BeforeAll
    static void certificates() throws Exception {
        clientContext = TestCerts.get().localhost.trustingContext();
        serverContext = TestCerts.get().localhost.serverContext();
    }

    /** Waits for the client to go away. */
    @Async
    static Coroutine<Void> readAll(StreamReader r, StreamWriter w) {
        Weft.await(r.read());
        return Weft.done();
    }

    @Async
    static Coroutine<List<Object>> badArguments() {
        Server server = Weft.await(Streams.startServer(StartTlsErrorsTest::readAll, HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        StreamWriter w = c.writer();
        Transport t = w.transport();
        List<Object> out = new ArrayList<>();
        // CPython hangs in start_tls: "check_hostname requires server_hostname" is lost.
        out.add(assertThrows(IllegalArgumentException.class,
                () -> w.startTls(TlsOptions.of(clientContext))));
        // A server's end with options that hold no certificate.
        out.add(assertThrows(IllegalArgumentException.class,
                () -> Endpoints.startTls(Weft.loop(), t, t.getProtocol(), TlsOptions.client(),
                        true)));
        // CPython: TypeError: transport <...> is not supported by start_tls()
        Transport own = (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
                new Class<?>[] {Transport.class}, (proxy, m, args) -> {
                    if (m.getName().equals("toString")) {
                        return "<my transport>";
                    }
                    throw new AssertionError("startTls must not touch " + m.getName());
                });
        out.add(assertThrows(IllegalArgumentException.class,
                () -> Endpoints.startTls(Weft.loop(), own, t.getProtocol(),
                        TlsOptions.of(clientContext).withServerName("localhost"), false)));
        out.add(assertThrows(NullPointerException.class,
                () -> Endpoints.startTls(Weft.loop(), t, null, TlsOptions.client(), false)));
        out.add(assertThrows(NullPointerException.class, () -> w.startTls(null)));
        // CPython: ValueError: ssl_handshake_timeout should be a positive number, got -1
        out.add(assertThrows(IllegalArgumentException.class, () -> TlsOptions.of(clientContext)
                .withHandshakeTimeout(java.time.Duration.ofSeconds(-1))));
        // The protocol form of a TLS server, like Streams.startServer and LoopGroup's.
        out.add(assertThrows(IllegalArgumentException.class, () -> Endpoints.createServer(
                Weft.loop(), t::getProtocol, HOST, 0, ServerOptions.defaults(),
                TlsOptions.client())));
        out.add(t.isClosing()); // none of the above touched the connection
        w.close();
        Weft.await(w.waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(out);
    }

    @Test
    void startTls_badArguments_throwAtOnce_connectionUntouched() {
        List<Object> out = Weft.run(badArguments());

        assertTrue(message(out.get(0)).contains("needs that name: pass TlsOptions.withServerName"),
                message(out.get(0)));
        assertTrue(message(out.get(1)).contains("a TLS server needs an SSLContext"),
                message(out.get(1)));
        assertTrue(message(out.get(2)).startsWith("transport <my transport> is not supported by "
                + "startTls()"), message(out.get(2)));
        assertTrue(message(out.get(3)).contains("protocol"), message(out.get(3)));
        assertTrue(message(out.get(4)).contains("tls"), message(out.get(4)));
        assertTrue(message(out.get(5)).contains("must be positive"), message(out.get(5)));
        assertTrue(message(out.get(6)).contains("a TLS server needs an SSLContext"),
                message(out.get(6)));
        assertEquals(false, out.get(7));
    }

    private static String message(Object e) {
        return ((Throwable) e).getMessage();
    }

    @Async
    static Coroutine<List<Object>> onClosingAndTwice() {
        Server server = Weft.await(Streams.startServer(StartTlsErrorsTest::readAll, HOST, 0));
        List<Object> out = new ArrayList<>();
        // CPython: ConnectionResetError('Connection lost')
        Connection closing = Weft.await(Streams.openConnection(HOST, server.port()));
        Transport t = closing.writer().transport();
        closing.writer().close();
        Future<?> up = Endpoints.startTls(Weft.loop(), t, t.getProtocol(),
                TlsOptions.of(clientContext).withServerName("localhost"), false);
        out.add(up.exception());
        try {
            Weft.await(closing.writer().startTls(TlsOptions.of(clientContext)
                    .withServerName("localhost")));
            out.add("upgraded?");
        } catch (Exception e) { // Weft.await rethrows the SocketException unchanged
            out.add(e);
        }
        // Two at once on one writer: the second is a bug of the caller.
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        TlsOptions tls = TlsOptions.of(clientContext).withServerName("localhost");
        Future<Void> first = c.writer().startTls(tls);
        out.add(assertThrows(IllegalStateException.class, () -> c.writer().startTls(tls)));
        // Cancelling an upgrade aborts the connection (asyncio closes it).
        first.cancel();
        try {
            Weft.await(c.writer().waitClosed());
            out.add("closed without an error?");
        } catch (Exception e) { // the SSLHandshakeException the aborted handshake ended with
            out.add("cancelled, closing=" + c.writer().isClosing() + ": " + e.getMessage());
        }
        server.close();
        server.abortClients();
        Weft.await(server.waitClosed());
        return Weft.done(out);
    }

    @Test
    void startTls_onClosingConnection_connectionLost_secondAtOnceRefused_cancelAborts() {
        List<Object> out = Weft.run(onClosingAndTwice());

        assertInstanceOf(SocketException.class, out.get(0));
        assertTrue(message(out.get(0)).startsWith("Connection lost: startTls() on"),
                message(out.get(0)));
        assertTrue(message(out.get(1)).startsWith("Connection lost"), message(out.get(1)));
        assertTrue(message(out.get(2)).contains("already in progress"), message(out.get(2)));
        assertEquals("cancelled, closing=true: the connection closed during the TLS handshake",
                out.get(3));
    }

    @Async
    static Coroutine<Object> onPipe() {
        // A subprocess's stdin is a pipe: asyncio's pipe transports are not start_tls compatible.
        dev.weft.process.Subprocess p = Weft.await(dev.weft.process.Subprocess.exec(
                List.of("cat"), dev.weft.process.SubprocessOptions.defaults()
                        .stdin(dev.weft.process.Stdio.PIPE)));
        Object e;
        try {
            p.stdin().startTls(TlsOptions.of(serverContext));
            e = "upgraded?";
        } catch (IllegalArgumentException expected) {
            e = expected;
        }
        p.stdin().close();
        Weft.await(p.waitFor());
        return Weft.done(e);
    }

    @Test
    void startTls_onSubprocessPipe_isNotSupported() {
        Object e = Weft.run(onPipe());

        assertInstanceOf(IllegalArgumentException.class, e, String.valueOf(e));
        assertTrue(message(e).contains("is not supported by startTls()"), message(e));
    }
}
