package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.AcceptMode;
import dev.weft.net.GroupServer;
import dev.weft.net.LoopGroup;
import dev.weft.net.Protocol;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.TlsOptions;
import dev.weft.net.TlsTransport;
import dev.weft.net.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS on a {@link LoopGroup}: every loop terminates TLS for the connections it gets (streams
 * and protocols, both accept modes), a graceful shutdown ends the connections with
 * {@code close_notify}, and options without a certificate are refused up front.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopGroupTlsTest {
    private static final String HOST = "127.0.0.1";
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void certificates() throws Exception {
        serverContext = TestCerts.get().localhost.serverContext();
        clientContext = TestCerts.get().localhost.trustingContext();
    }

    /** Echoes lines prefixed with the serving thread's name, until "bye" (echoed) or EOF. */
    @Async
    static Coroutine<Void> echoWithLoopName(StreamReader reader, StreamWriter writer) {
        String version = ((TlsTransport) writer.transport()).session().getProtocol();
        while (true) {
            byte[] line = Weft.await(reader.readLine());
            if (line.length == 0) {
                return Weft.done();
            }
            String text = new String(line, StandardCharsets.US_ASCII).trim();
            writer.write((Thread.currentThread().getName() + " " + version + " " + text + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Weft.await(writer.drain());
            if (text.equals("bye")) {
                return Weft.done(); // the connection closes with close_notify
            }
        }
    }

    @Test
    void startServer_tls_singleAcceptor_everyLoopTerminatesTlsInTurn() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            GroupServer server = group.startServer(LoopGroupTlsTest::echoWithLoopName, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR,
                    TlsOptions.of(serverContext)).get();
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(TlsClient.ask(clientContext, server.port(), "hi " + i));
            }
            String loop0 = group.loops().get(0).toString();
            assertEquals(4, got.size());
            for (int i = 0; i < 4; i++) {
                assertTrue(got.get(i).matches("weft-group-\\d+-loop-" + (i % 2) + " TLSv1\\.3 hi "
                        + i), got.get(i) + " of " + got + " (" + loop0 + ")");
            }
        }
    }

    @Test
    void startServer_tls_autoMode_servesFromEveryLoop() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            GroupServer server = group.startServer(LoopGroupTlsTest::echoWithLoopName, HOST, 0,
                    TlsOptions.of(serverContext)).get();
            Set<String> loops = new TreeSet<>();
            // REUSE_PORT on Linux: the kernel hashes each connection onto one of two sockets,
            // so 40 connections all landing on one has a chance of 2^-39.
            for (int i = 0; i < 40; i++) {
                String answer = TlsClient.ask(clientContext, server.port(), "x");
                assertTrue(answer.endsWith(" TLSv1.3 x"), answer);
                loops.add(answer.substring(0, answer.indexOf(' ')));
            }
            assertEquals(2, loops.size(), "both loops served: " + loops);
        }
    }

    /** Echoes in upper case from dataReceived, on whichever loop got the connection. */
    static final class UpperEcho implements Protocol {
        Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(byte[] data) {
            String s = new String(data, StandardCharsets.US_ASCII);
            transport.write((Thread.currentThread().getName() + " "
                    + (transport instanceof TlsTransport) + " " + s.toUpperCase())
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void createServer_tls_protocolForm_echoesOnEveryLoop() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            GroupServer server = group.createServer(UpperEcho::new, HOST, 0,
                    ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR,
                    TlsOptions.of(serverContext)).get();
            assertTrue(TlsClient.ask(clientContext, server.port(), "one")
                    .matches("weft-group-\\d+-loop-0 true ONE"));
            assertTrue(TlsClient.ask(clientContext, server.port(), "two")
                    .matches("weft-group-\\d+-loop-1 true TWO"));
        }
    }

    @Test
    void shutdown_withLiveTlsClients_handlersEndingInGrace_sendCloseNotify() throws Exception {
        assumeTrue(PyTlsClient.available(), "no " + PyTlsClient.PYTHON_313 + ": skipping");
        LoopGroup group = LoopGroup.create(2);
        GroupServer server = group.startServer(LoopGroupTlsTest::echoWithLoopName, HOST, 0,
                StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR,
                TlsOptions.of(serverContext)).get();
        List<PyTlsClient> clients = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // one on each loop
            PyTlsClient c = new PyTlsClient(server.port(), TestCerts.get().localhost.certPem);
            clients.add(c);
            c.send("hello");
            seen.add(c.next().replaceAll("\\d+-loop", "N-loop"));
        }
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(
                () -> group.shutdown(Duration.ofSeconds(30)));
        while (!group.isShutDown()) {
            Thread.onSpinWait();
        }
        for (PyTlsClient c : clients) {
            c.send("bye");
            seen.add(c.next().replaceAll("\\d+-loop", "N-loop"));
            seen.add(c.next()); // EOF only after close_notify; a bare FIN is "no close_notify"
            c.close(); // our close_notify: the server's socket closes, the group can finish
        }
        shutdown.get();

        assertEquals(List.of("weft-group-N-loop-0 TLSv1.3 hello", "weft-group-N-loop-1 TLSv1.3 hello",
                "weft-group-N-loop-0 TLSv1.3 bye", "EOF", "weft-group-N-loop-1 TLSv1.3 bye", "EOF"),
                seen);
    }

    @Test
    void badInput_tlsWithoutContext_closedGroup_zeroLoops_documentedExceptions() {
        LoopGroup group = LoopGroup.create(1);
        IllegalArgumentException noContext = assertThrows(IllegalArgumentException.class,
                () -> group.startServer(LoopGroupTlsTest::echoWithLoopName, HOST, 0,
                        TlsOptions.client()));
        assertTrue(noContext.getMessage().contains("a TLS server needs an SSLContext"),
                noContext.getMessage());
        assertThrows(IllegalArgumentException.class, () -> group.createServer(UpperEcho::new,
                HOST, 0, ServerOptions.defaults(), AcceptMode.AUTO, TlsOptions.client()));
        assertThrows(NullPointerException.class, () -> group.startServer(
                LoopGroupTlsTest::echoWithLoopName, HOST, 0, (TlsOptions) null));
        group.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> group.startServer(LoopGroupTlsTest::echoWithLoopName, HOST, 0,
                        TlsOptions.of(serverContext)));
        assertTrue(closed.getMessage().contains("which is shut down: its loops are closed; "
                + "create a new LoopGroup"), closed.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LoopGroup.create(0));
        assertTrue(zero.getMessage().startsWith("a LoopGroup needs at least 1 loop, got 0"),
                zero.getMessage());
    }
}
