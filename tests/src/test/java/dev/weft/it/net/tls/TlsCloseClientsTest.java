package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression: {@link Server#closeClients()} closed a TLS connection's socket without
 * {@code close_notify}, so the client saw a truncated connection (OpenSSL's unexpected EOF,
 * "no close_notify", in a CPython client) instead of the end of the stream; it now sends {@code close_notify}, and the socket closes once the
 * client answers with its own.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsCloseClientsTest {

    /** Says hello, then reads until the connection ends, and records how it ended. */
    @Async
    static Coroutine<Void> helloThenRead(StreamReader r, StreamWriter w, Future<Void> greeted,
            List<String> log) {
        w.write("hello\n".getBytes(StandardCharsets.US_ASCII));
        Weft.await(w.drain());
        greeted.setResult(null);
        try {
            log.add("server read " + Weft.await(r.read()).length + " then EOF");
        } catch (Exception e) {
            log.add("server read failed: " + e);
        }
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> closeClients() throws Exception {
        TestCerts certs = TestCerts.get();
        List<String> log = new ArrayList<>();
        Future<Void> greeted = Weft.loop().createFuture();
        Server server = Weft.await(Streams.startServer((r, w) -> helloThenRead(r, w, greeted, log),
                "127.0.0.1", 0, TlsOptions.of(certs.localhost.serverContext())));
        Future<String> client = Weft.toThread(() -> {
            try (PyTlsClient c = new PyTlsClient(server.port(), certs.localhost.certPem)) {
                return c.next() + ", then " + c.next();
            } // closing sends the client's close_notify, which the server waits for
        });
        Weft.await(greeted);
        server.closeClients();
        log.add("client saw " + Weft.await(client));
        server.close();
        Weft.await(server.waitClosed());
        log.add("connections " + server.connectionCount());
        return Weft.done(log);
    }

    @Test
    void closeClients_onTls_sendsCloseNotify_andTheSocketClosesAfterThePeersAnswer()
            throws Exception {
        assumeTrue(PyTlsClient.available(), "no " + PyTlsClient.PYTHON_313 + ": skipping");
        List<String> log = Weft.run(closeClients());

        // The client's answer and the handler's EOF race; both come before the last line.
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.subList(0, 2).containsAll(List.of("client saw hello, then EOF",
                "server read 0 then EOF")), log.toString());
        assertEquals("connections 0", log.get(2));
    }
}
