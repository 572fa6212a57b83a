package dev.weft.it.group;

import static dev.weft.it.group.GroupClients.HOST;
import static dev.weft.it.group.GroupClients.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.AcceptMode;
import dev.weft.net.Connection;
import dev.weft.net.GroupServer;
import dev.weft.net.LoopGroup;
import dev.weft.net.Protocol;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.Transport;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18, point 1: a {@link LoopGroup} serves one port from every loop — by SO_REUSEPORT where
 * Linux has it, or by one acceptor handing connections round-robin — and a handler's failure on
 * one loop leaves the others serving. Loopback only; every client read is bounded.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopGroupTest {

    /** Answers each client with the name of the thread (so the loop) that serves it. */
    @Async
    static Coroutine<Void> whoServes(StreamReader reader, StreamWriter writer) {
        String line = new String(Weft.await(reader.readLine()), StandardCharsets.US_ASCII).trim();
        if (line.equals("boom")) {
            throw new IllegalStateException("handler bug on " + Thread.currentThread().getName());
        }
        writer.write((Thread.currentThread().getName() + "\n").getBytes(StandardCharsets.US_ASCII));
        Weft.await(writer.drain());
        return Weft.done();
    }

    private static String loopName(LoopGroup group, int i) throws Exception {
        return Weft.runCoroutineThreadsafe(threadName(), group.loops().get(i)).get();
    }

    @Async
    static Coroutine<String> threadName() {
        return Weft.done(Thread.currentThread().getName());
    }

    private static boolean reusePortHere() throws Exception {
        try (ServerSocketChannel ch = ServerSocketChannel.open()) {
            return System.getProperty("os.name").toLowerCase().contains("linux")
                    && ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        }
    }

    @Test
    void startServer_reusePort_kernelSpreadsConnectionsOverTheLoops() throws Exception {
        assumeTrue(reusePortHere(), "SO_REUSEPORT balancing is a Linux feature");
        try (LoopGroup group = LoopGroup.create(2)) {
            GroupServer server = group.startServer(LoopGroupTest::whoServes, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.REUSE_PORT).get();
            assertEquals(AcceptMode.REUSE_PORT, server.mode());
            Set<String> seen = new TreeSet<>();
            // The kernel hashes each connection's 4-tuple onto one of the two sockets: with 64
            // connections the chance that one socket gets none is 2^-63.
            for (int i = 0; i < 64; i++) {
                seen.add(ask(server.port(), "hi"));
            }
            assertEquals(new TreeSet<>(List.of(loopName(group, 0), loopName(group, 1))), seen);
        }
    }

    @Test
    void startServer_autoMode_servesFromEveryLoop() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            GroupServer server = group.startServer(LoopGroupTest::whoServes, HOST, 0).get();
            assertEquals(reusePortHere() ? AcceptMode.REUSE_PORT : AcceptMode.SINGLE_ACCEPTOR,
                    server.mode());
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < 64; i++) {
                seen.add(ask(server.port(), "hi"));
            }
            assertEquals(2, seen.size(), "both loops served: " + seen);
        }
    }

    @Test
    void startServer_singleAcceptor_handsConnectionsRoundRobin() throws Exception {
        try (LoopGroup group = LoopGroup.create(3)) {
            GroupServer server = group.startServer(LoopGroupTest::whoServes, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR).get();
            assertEquals(AcceptMode.SINGLE_ACCEPTOR, server.mode());
            List<String> got = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                got.add(ask(server.port(), "hi"));
                expected.add(loopName(group, i % 3));
            }
            assertEquals(expected, got);
        }
    }

    @Test
    void handlerFailure_onOneLoop_leavesTheOthersServing() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            ConcurrentLinkedQueue<String> reported = new ConcurrentLinkedQueue<>();
            for (EventLoop loop : group.loops()) {
                loop.callSoonThreadsafe(() -> loop.setExceptionHandler(
                        (where, t) -> reported.add(Thread.currentThread().getName() + ": " + t.getMessage())));
            }
            GroupServer server = group.startServer(LoopGroupTest::whoServes, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR).get();
            String loop0 = loopName(group, 0);
            String loop1 = loopName(group, 1);
            // First connection: loop 0's turn; its handler fails and its connection is aborted.
            String failed = ask(server.port(), "boom");
            assertTrue(failed.equals("EOF") || failed.equals("reset"), failed);
            List<String> after = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                after.add(ask(server.port(), "hi"));
            }
            assertEquals(List.of(loop1, loop0, loop1, loop0), after);
            assertEquals(List.of(loop0 + ": handler bug on " + loop0), new ArrayList<>(reported));
        }
    }

    @Test
    void handlerFailure_withReusePort_leavesBothLoopsServing() throws Exception {
        assumeTrue(reusePortHere(), "SO_REUSEPORT balancing is a Linux feature");
        try (LoopGroup group = LoopGroup.create(2)) {
            ConcurrentLinkedQueue<String> reported = new ConcurrentLinkedQueue<>();
            for (EventLoop loop : group.loops()) {
                loop.callSoonThreadsafe(() -> loop.setExceptionHandler((where, t) -> reported.add(t.getMessage())));
            }
            GroupServer server = group.startServer(LoopGroupTest::whoServes, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.REUSE_PORT).get();
            String failed = ask(server.port(), "boom"); // on whichever loop the kernel chose
            assertTrue(failed.equals("EOF") || failed.equals("reset"), failed);
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < 64; i++) {
                seen.add(ask(server.port(), "hi"));
            }
            assertEquals(new TreeSet<>(List.of(loopName(group, 0), loopName(group, 1))), seen);
            assertEquals(1, reported.size(), reported.toString());
            assertTrue(reported.peek().startsWith("handler bug on "), reported.toString());
        }
    }

    /** A protocol that answers each chunk with the serving thread's name, then closes. */
    static final class NameProtocol implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write((Thread.currentThread().getName() + "\n").getBytes(StandardCharsets.US_ASCII));
            transport.close();
        }
    }

    @Test
    void createServer_protocolForm_servesFromEveryLoop() throws Exception {
        try (LoopGroup group = LoopGroup.create(2)) {
            GroupServer server = group.createServer(NameProtocol::new, HOST, 0,
                    ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR).get();
            List<String> got = List.of(ask(server.port(), "a"), ask(server.port(), "b"));
            assertEquals(List.of(loopName(group, 0), loopName(group, 1)), got);
        }
    }

    /** The main coroutine of a group run: a server on every loop, clients on the loops in turn. */
    @Async
    static Coroutine<List<String>> serveAndAsk(LoopGroup group) {
        GroupServer server = Weft.await(group.startServer(LoopGroupTest::whoServes, HOST, 0,
                StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(), AcceptMode.SINGLE_ACCEPTOR));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Client work on the next loop, awaited here across loops as a CompletableFuture.
            answers.add(Weft.await(Weft.runCoroutineThreadsafe(client(server.port()), group.next())));
        }
        return Weft.done(answers);
    }

    @Async
    static Coroutine<String> client(int port) {
        Connection c = Weft.await(Streams.openConnection(HOST, port));
        c.writer().write("hi\n".getBytes(StandardCharsets.US_ASCII));
        String served = new String(Weft.await(c.reader().readLine()), StandardCharsets.US_ASCII).trim();
        c.writer().close();
        return Weft.done("client " + Thread.currentThread().getName() + " served by " + served);
    }

    @Test
    void run_mainCoroutine_usesEveryLoopThenShutsTheGroupDown() throws Exception {
        LoopGroup group = LoopGroup.create(2);
        String loop0 = loopName(group, 0);
        String loop1 = loopName(group, 1);
        List<String> answers = group.run(serveAndAsk(group));
        assertEquals(List.of(
                "client " + loop0 + " served by " + loop0,
                "client " + loop1 + " served by " + loop1,
                "client " + loop0 + " served by " + loop0,
                "client " + loop1 + " served by " + loop1), answers);
        assertTrue(group.isShutDown());
        for (EventLoop loop : group.loops()) {
            assertTrue(loop.isClosed(), loop + " closed");
        }
    }
}
