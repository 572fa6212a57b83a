package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket transports and protocols on loopback, driven through callbacks on one loop. */
@Timeout(30)
class TransportTest {
    private final EventLoop loop = EventLoop.create();
    private final List<Server> servers = new ArrayList<>();

    @AfterEach
    void closeAll() {
        for (Server s : servers) {
            loop.runUntilComplete(closeServer(s));
        }
        loop.close();
    }

    private Future<Void> closeServer(Server s) {
        Future<Void> f = loop.createFuture();
        loop.callSoon(() -> {
            s.close();
            s.abortClients();
            s.waitClosed().addDoneCallback(x -> f.setResult(null));
        });
        return f;
    }

    /** Starts a server on an ephemeral loopback port whose connections use {@code factory}. */
    private Server serve(java.util.function.Supplier<Protocol> factory) {
        Server s = loop.runUntilComplete(call(() -> Endpoints.createServer(loop, factory, "127.0.0.1", 0)));
        servers.add(s);
        return s;
    }

    /** Runs {@code action} on the running loop (the thread checks want a running loop). */
    private <T> Future<T> call(java.util.function.Supplier<Future<T>> action) {
        Future<T> result = loop.createFuture();
        loop.callSoon(() -> action.get().addDoneCallback(f -> {
            if (f.exception() != null) {
                result.setException(f.exception());
            } else {
                result.setResult(f.result());
            }
        }));
        return result;
    }

    private Transport connect(Protocol p, int port) {
        return loop.runUntilComplete(call(() -> Endpoints.createConnection(loop, () -> p, "127.0.0.1", port)));
    }

    /** An echo protocol: writes back what it receives, and writes EOF when it reads EOF. */
    static final class Echo extends RecordingProtocol {
        Echo(EventLoop loop) {
            super(loop);
            keepOpenOnEof = true;
        }

        @Override
        public void dataReceived(byte[] data) {
            super.dataReceived(data);
            transport.write(data);
        }

        @Override
        public boolean eofReceived() {
            super.eofReceived();
            transport.close();
            return true;
        }
    }

    @Test
    void createConnection_echoServer_callbacksInOrderAndDataEchoed() {
        List<Echo> serverSide = new ArrayList<>();
        Server server = serve(() -> {
            Echo e = new Echo(loop);
            serverSide.add(e);
            return e;
        });
        RecordingProtocol client = new RecordingProtocol(loop);
        Transport t = connect(client, server.port());
        assertEquals(List.of("made"), client.events);
        loop.callSoon(() -> {
            t.write("hello, ".getBytes(StandardCharsets.US_ASCII));
            t.write("world".getBytes(StandardCharsets.US_ASCII));
            t.writeEof();
        });
        Exception exc = loop.runUntilComplete(client.lost);

        assertNull(exc);
        assertEquals("hello, world", client.received.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of("made", "data", "eof", "lost"), client.events);
        loop.runUntilComplete(serverSide.get(0).lost);
        assertEquals(List.of("made", "data", "eof", "lost"), serverSide.get(0).events);
    }

    @Test
    void createConnection_nothingListening_failsWithConnectException() {
        Server server = serve(() -> new RecordingProtocol(loop));
        int port = server.port();
        loop.runUntilComplete(closeServer(server));
        servers.clear();

        Exception e = assertThrows(Exception.class,
                () -> connect(new RecordingProtocol(loop), port));

        assertInstanceOf(ConnectException.class, e);
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void createConnection_unknownHost_failsWithUnknownHostException() {
        Exception e = assertThrows(Exception.class, () -> loop.runUntilComplete(call(
                () -> Endpoints.createConnection(loop, () -> new RecordingProtocol(loop),
                        "no-such-host.invalid", 80))));

        assertInstanceOf(UnknownHostException.class, e);
    }

    @Test
    void createServer_portInUse_failsWithBindExceptionNamingTheAddress() {
        Server first = serve(() -> new RecordingProtocol(loop));
        Exception e = assertThrows(Exception.class, () -> loop.runUntilComplete(call(
                () -> Endpoints.createServer(loop, () -> new RecordingProtocol(loop), "127.0.0.1",
                        first.port(), ServerOptions.defaults().withReuseAddress(false)))));

        assertInstanceOf(BindException.class, e);
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void write_aboveHighWater_pausesOnceAndResumesOnceWhenPeerReads() {
        List<RecordingProtocol> serverSide = new ArrayList<>();
        Server server = serve(() -> {
            RecordingProtocol p = new RecordingProtocol(loop);
            serverSide.add(p);
            return p;
        });
        RecordingProtocol client = new RecordingProtocol(loop);
        Transport t = connect(client, server.port());
        loop.runUntilComplete(settle());
        RecordingProtocol peer = serverSide.get(0);
        byte[] chunk = new byte[256 * 1024];
        Future<Void> paused = loop.createFuture();
        loop.callSoon(() -> {
            peer.transport.pauseReading();
            t.setWriteBufferLimits(64 * 1024, 16 * 1024);
            for (int i = 0; i < 200 && !client.events.contains("pause"); i++) {
                t.write(chunk);
            }
            paused.setResult(null);
        });
        loop.runUntilComplete(paused);
        assertTrue(client.events.contains("pause"), "writer never paused: " + client.events);
        assertTrue(t.getWriteBufferSize() > 64 * 1024);
        Future<Void> resumed = loop.createFuture();
        loop.callSoon(() -> {
            peer.transport.resumeReading();
            pollUntil(() -> client.events.contains("resume"), resumed);
        });
        loop.runUntilComplete(resumed);

        assertEquals(List.of("made", "pause", "resume"), client.events);
        assertTrue(t.getWriteBufferSize() <= 16 * 1024);
    }

    /** Completes {@code done} once {@code condition} holds, checking every millisecond. */
    private void pollUntil(java.util.function.BooleanSupplier condition, Future<Void> done) {
        if (condition.getAsBoolean()) {
            done.setResult(null);
        } else {
            loop.callLater(1, () -> pollUntil(condition, done));
        }
    }

    private Future<Void> settle() {
        Future<Void> f = loop.createFuture();
        loop.callLater(20, () -> f.setResult(null));
        return f;
    }

    @Test
    void write_afterClose_failsWithIllegalStateException() {
        Server server = serve(() -> new RecordingProtocol(loop));
        RecordingProtocol client = new RecordingProtocol(loop);
        Transport t = connect(client, server.port());
        Future<Throwable> thrown = loop.createFuture();
        loop.callSoon(() -> {
            t.close();
            try {
                t.write(new byte[1]);
                thrown.setResult(null);
            } catch (IllegalStateException e) {
                thrown.setResult(e);
            }
        });

        assertInstanceOf(IllegalStateException.class, loop.runUntilComplete(thrown));
        assertNull(loop.runUntilComplete(client.lost));
        assertEquals(List.of("made", "lost"), client.events);
    }

    @Test
    void abort_withBufferedData_dropsItAndLosesConnectionOnce() {
        Server server = serve(() -> new RecordingProtocol(loop) {
            @Override
            public void connectionMade(Transport t) {
                super.connectionMade(t);
                t.pauseReading();
            }
        });
        RecordingProtocol client = new RecordingProtocol(loop);
        Transport t = connect(client, server.port());
        loop.callSoon(() -> {
            for (int i = 0; i < 100; i++) {
                t.write(new byte[64 * 1024]);
            }
            t.abort();
            t.abort();
            t.close();
        });

        assertNull(loop.runUntilComplete(client.lost));
        assertEquals(0, t.getWriteBufferSize());
        assertTrue(t.isClosing());
        assertFalse(t.isReading());
        assertEquals(1, client.events.stream().filter(e -> e.startsWith("lost")).count());
    }

    @Test
    void server_closeAndWaitClosed_completesAfterLastConnectionLeaves() {
        Server server = serve(() -> new Echo(loop));
        RecordingProtocol client = new RecordingProtocol(loop);
        Transport t = connect(client, server.port());
        loop.runUntilComplete(settle());
        assertEquals(1, server.connectionCount());
        Future<Void> waited = loop.createFuture();
        loop.callSoon(() -> {
            server.close();
            assertFalse(server.isServing());
            assertTrue(server.addresses().isEmpty());
            server.waitClosed().addDoneCallback(f -> waited.setResult(null));
            t.writeEof(); // the echo protocol closes its side on EOF
        });

        loop.runUntilComplete(waited);
        assertEquals(0, server.connectionCount());
        assertEquals("lost", client.events.get(client.events.size() - 1));
        servers.clear();
    }

    @Test
    void server_burstOfPendingConnections_acceptedInGroupsOverSeveralIterations()
            throws Exception {
        int clients = 3 * Server.Listener.MAX_ACCEPTS_PER_EVENT + 4;
        int[] iteration = {0};
        List<Integer> madeAt = new ArrayList<>();
        Server server = loop.runUntilComplete(call(() -> Endpoints.createServer(loop, () -> {
            madeAt.add(iteration[0]);
            return new RecordingProtocol(loop);
        }, "127.0.0.1", 0, ServerOptions.defaults().withBacklog(1000))));
        servers.add(server);
        List<java.net.Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) { // all queued in the kernel: the loop is not running
                sockets.add(new java.net.Socket("127.0.0.1", server.port()));
            }
            Future<Void> allMade = loop.createFuture();
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> { // counts loop iterations: each run schedules the next
                iteration[0]++;
                if (madeAt.size() == clients) {
                    allMade.setResult(null);
                } else {
                    loop.callSoon(tick[0]);
                }
            };
            loop.callSoon(tick[0]);
            loop.runUntilComplete(allMade);
        } finally {
            for (java.net.Socket s : sockets) {
                s.close();
            }
        }

        java.util.Map<Integer, Long> perIteration = madeAt.stream().collect(
                java.util.stream.Collectors.groupingBy(i -> i, java.util.stream.Collectors.counting()));
        assertTrue(perIteration.values().stream().allMatch(n -> n <= Server.Listener.MAX_ACCEPTS_PER_EVENT),
                "accepted per iteration: " + perIteration);
        assertTrue(perIteration.size() >= 4, "accepted per iteration: " + perIteration);
    }

    @Test
    void server_addresses_reportBoundLoopbackAddress() {
        Server server = serve(() -> new RecordingProtocol(loop));
        InetSocketAddress a = (InetSocketAddress) server.addresses().get(0);

        assertEquals("127.0.0.1", a.getAddress().getHostAddress());
        assertEquals(server.port(), a.getPort());
        assertTrue(server.isServing());
    }
}
