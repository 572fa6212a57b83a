package dev.weft.it.group;

import static dev.weft.it.group.GroupClients.HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.OpenFiles;
import dev.weft.net.AcceptMode;
import dev.weft.net.GroupServer;
import dev.weft.net.LoopGroup;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.sync.Event;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18, point 1: {@link LoopGroup#shutdown(Duration)} with live clients — a handler that
 * finishes within the grace period completes, one that does not is cancelled and its connection
 * closed — and the group's bad input: no loops, a server on a shut-down group, a blocking call on
 * a loop of the group, a primitive used from a second loop. Loopback only; reads are bounded.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopGroupShutdownTest {
    private static final AtomicReference<GroupServer> SERVER = new AtomicReference<>();
    private static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();

    /**
     * "quick": finishes as soon as the server stops accepting (so well within the grace period);
     * "stuck": reads until cancelled.
     */
    @Async
    static Coroutine<Void> quickOrStuck(StreamReader reader, StreamWriter writer) {
        String kind = new String(Weft.await(reader.readLine()), StandardCharsets.US_ASCII).trim();
        writer.write((kind + " started\n").getBytes(StandardCharsets.US_ASCII));
        Weft.await(writer.drain());
        if (kind.equals("quick")) {
            while (SERVER.get().isServing()) {
                Weft.await(Weft.sleep(10));
            }
            writer.write("done\n".getBytes(StandardCharsets.US_ASCII));
            Weft.await(writer.drain());
            LOG.add("quick returned");
            return Weft.done();
        }
        try {
            while (Weft.await(reader.read(100)).length > 0) {
                // the client sends nothing more: only the shutdown's cancellation ends this
            }
            LOG.add("stuck saw EOF");
        } catch (CancelledError e) {
            LOG.add("stuck cancelled");
            throw e;
        }
        return Weft.done();
    }

    @Test
    void shutdown_withLiveClients_lets_quickHandlerFinish_andCancelsTheStuckOne() throws Exception {
        for (AcceptMode mode : List.of(AcceptMode.AUTO, AcceptMode.SINGLE_ACCEPTOR)) {
            LOG.clear();
            LoopGroup group = LoopGroup.create(2);
            GroupServer server = group.startServer(LoopGroupShutdownTest::quickOrStuck, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), mode).get();
            SERVER.set(server);
            try (GroupClients quick = new GroupClients(server.port());
                    GroupClients stuck = new GroupClients(server.port())) {
                quick.send("quick");
                stuck.send("stuck");
                assertEquals("quick started", quick.next());
                assertEquals("stuck started", stuck.next());

                group.shutdown(Duration.ofSeconds(2));

                assertEquals("done", quick.next(), mode.name());
                assertEquals("EOF", quick.next(), mode.name());
                String end = stuck.next();
                assertTrue(end.equals("EOF") || end.equals("reset"), mode + ": " + end);
            }
            assertEquals(List.of("quick returned", "stuck cancelled"), new ArrayList<>(LOG), mode.name());
            assertFalse(server.isServing());
            for (EventLoop loop : group.loops()) {
                assertTrue(loop.isClosed(), loop + " closed");
            }
            assertThrows(ConnectException.class, () -> new Socket(HOST, server.port()).close());
        }
    }

    @Test
    void shutdown_withOpenConnectionsOnEveryLoop_leavesNoSocketOpen() throws Exception {
        assumeTrue(OpenFiles.available(), "no /proc/self/fd on this system: cannot count sockets");
        int before = OpenFiles.sockets();
        LoopGroup group = LoopGroup.create(2);
        GroupServer server = group.startServer(LoopGroupShutdownTest::quickOrStuck, HOST, 0,
                StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR).get();
        SERVER.set(server);
        List<GroupClients> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            GroupClients c = new GroupClients(server.port());
            clients.add(c);
            c.send("stuck");
            assertEquals("stuck started", c.next());
        }
        group.shutdown(Duration.ZERO);
        for (GroupClients c : clients) {
            String end = c.next();
            assertTrue(end.equals("EOF") || end.equals("reset"), end);
            c.close();
        }
        assertEquals(before, OpenFiles.sockets(), "sockets open after the shutdown");
    }

    @Async
    static Coroutine<String> failingMain() {
        Weft.await(Weft.sleep(1));
        throw new IllegalStateException("main failed");
    }

    @Test
    void run_mainFails_rethrowsItsExceptionUnwrappedAndShutsDown() {
        LoopGroup group = LoopGroup.create(2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> group.run(failingMain(), Duration.ofSeconds(1)));
        assertEquals("main failed", e.getMessage());
        assertTrue(group.isShutDown());
        assertTrue(group.loops().get(1).isClosed());
    }

    @Test
    void create_zeroLoops_throwsIllegalArgumentWithMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopGroup.create(0));
        assertEquals("a LoopGroup needs at least 1 loop, got 0: use LoopGroup.create() for one per "
                + "available processor", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoopGroup.create(-3));
    }

    @Test
    void startServer_onShutDownGroup_throwsIllegalStateWithMessage() {
        LoopGroup group = LoopGroup.create(1);
        group.shutdown(Duration.ZERO);
        group.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> group.startServer(LoopGroupShutdownTest::quickOrStuck, HOST, 0));
        assertTrue(e.getMessage().startsWith("LoopGroup.startServer() on <LoopGroup "), e.getMessage());
        assertTrue(e.getMessage().endsWith("which is shut down: its loops are closed; create a new "
                + "LoopGroup"), e.getMessage());
        assertThrows(IllegalStateException.class, group::next);
        IllegalStateException run = assertThrows(IllegalStateException.class,
                () -> group.run(failingMain()));
        assertTrue(run.getMessage().startsWith("LoopGroup.run() on <LoopGroup "), run.getMessage());
        assertThrows(IllegalStateException.class, () -> group.createServer(() -> null, HOST, 0,
                ServerOptions.defaults(), AcceptMode.AUTO));
    }

    @Test
    void shutdown_badArguments_areRefused() throws Exception {
        try (LoopGroup group = LoopGroup.create(1)) {
            assertThrows(IllegalArgumentException.class, () -> group.shutdown(Duration.ofMillis(-1)));
            IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                    () -> group.startServer(LoopGroupShutdownTest::quickOrStuck, HOST, 65536));
            assertEquals("port out of range: 65536 (use 0..65535, 0 for any free port)", port.getMessage());
            CompletableFuture<Throwable> onLoop = new CompletableFuture<>();
            group.loops().get(0).callSoonThreadsafe(() -> {
                try {
                    group.shutdown(Duration.ZERO);
                    onLoop.complete(null);
                } catch (Throwable t) {
                    onLoop.complete(t);
                }
            });
            Throwable t = onLoop.get();
            assertEquals(IllegalStateException.class, t.getClass());
            assertTrue(t.getMessage().contains("a loop of the group, would wait for itself"), t.getMessage());
            assertFalse(group.isShutDown());
        }
    }

    @Test
    void startServer_portInUse_failsWithBindException() throws Exception {
        try (LoopGroup group = LoopGroup.create(2);
                java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getByName(HOST))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> group.startServer(
                    LoopGroupShutdownTest::quickOrStuck, HOST, taken.getLocalPort()).get());
            assertEquals(java.net.BindException.class, e.getCause().getClass());
        }
    }

    @Async
    static Coroutine<Event> makeAndUseEvent() {
        Event e = new Event();
        e.set();
        Weft.await(e.untilSet());
        return Weft.done(e);
    }

    @Async
    static Coroutine<Void> waitOn(Event e) {
        Weft.await(e.untilSet());
        return Weft.done();
    }

    @Test
    void syncPrimitive_fromSecondLoop_failsClearly() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            Event event = Weft.runCoroutineThreadsafe(makeAndUseEvent(), group.loops().get(0)).get();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> Weft.runCoroutineThreadsafe(waitOn(event), group.loops().get(1)).get());
            assertEquals(IllegalStateException.class, e.getCause().getClass());
            assertTrue(e.getCause().getMessage().contains("belongs to the event loop of thread '"),
                    e.getCause().getMessage());
        }
    }
}
