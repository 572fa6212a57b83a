package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.IncompleteReadError;
import dev.weft.net.LimitOverrunError;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streams through woven coroutines on loopback: back-pressure, errors, Unix sockets. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamsTest {
    private static final String HOST = "127.0.0.1";

    // ---- drain applies back-pressure ---------------------------------------------------------

    /** Writes 64 KiB chunks until drain() stops completing at once; reports how far it got. */
    @Async
    static Coroutine<Void> writeUntilBlocked(StreamWriter writer, List<String> log,
            Future<Integer> blockedAt) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 1000; i++) {
            writer.write(chunk);
            Future<Void> drained = writer.drain();
            if (!drained.done()) {
                blockedAt.setResult(writer.transport().getWriteBufferSize());
                log.add("blocked");
                Weft.await(drained);
                log.add("resumed");
                writer.close();
                return Weft.done();
            }
        }
        throw new AssertionError("drain() never waited although the peer did not read");
    }

    @Async
    static Coroutine<List<String>> backPressure() {
        List<String> log = new ArrayList<>();
        Future<Integer> blockedAt = Weft.loop().createFuture();
        Future<StreamReader> peer = Weft.loop().createFuture();
        StreamWriter[] serverSide = new StreamWriter[1];
        Server server = Weft.await(Streams.startServer((r, w) -> acceptPaused(r, w, peer, serverSide), HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        // Small fixed kernel buffers, and a peer that reads nothing at all (not even into its
        // stream buffer): otherwise loopback autotuning keeps absorbing data and the writer may
        // drain below low water while the peer "does not read".
        c.writer().transport().setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        Task<Void> writer = Weft.createTask(writeUntilBlocked(c.writer(), log, blockedAt));
        int buffered = Weft.await(blockedAt);
        StreamReader reader = Weft.await(peer);
        Weft.await(Weft.sleep(50));
        log.add(writer.done() ? "writer went on while the peer did not read" : "still blocked");
        serverSide[0].transport().resumeReading();
        byte[] all = Weft.await(reader.read()); // the peer reads again, to EOF
        Weft.await(writer);
        log.add("peer read " + (all.length > 0) + ", buffer was above high water "
                + (buffered > 64 * 1024));
        server.close();
        return Weft.done(log);
    }

    @Async
    static Coroutine<Void> acceptPaused(StreamReader reader, StreamWriter writer, Future<StreamReader> peer,
            StreamWriter[] serverSide) {
        writer.transport().setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        writer.transport().pauseReading();
        serverSide[0] = writer.handOff(); // the test goes on with it after this handler returns
        peer.setResult(reader);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> acceptInto(StreamReader reader, StreamWriter writer,
            Future<StreamReader> peer) {
        writer.handOff(); // the test reads from this connection after the handler returns
        peer.setResult(reader); // and do not read until the test says so
        return Weft.done();
    }

    @Test
    void drain_peerStopsReading_writerStopsAtHighWaterAndContinuesWhenPeerReads() {
        List<String> log = Weft.run(backPressure());

        assertEquals(List.of("blocked", "still blocked", "resumed",
                "peer read true, buffer was above high water true"), log);
    }

    // ---- concurrent drainers -----------------------------------------------------------------

    @Async
    static Coroutine<Integer> concurrentDrainers() {
        Future<StreamReader> peer = Weft.loop().createFuture();
        Server server = Weft.await(Streams.startServer((r, w) -> acceptInto(r, w, peer), HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        StreamReader reader = Weft.await(peer);
        StreamWriter w = c.writer();
        while (w.drain().done()) {
            w.write(new byte[64 * 1024]);
        }
        Future<Void> first = w.drain();
        Future<Void> second = w.drain();
        Future<Void> third = w.drain();
        second.cancel(); // one drainer gives up: the others must still be woken
        Task<byte[]> reading = Weft.createTask(reader.read());
        Weft.await(first);
        Weft.await(third);
        w.close();
        Weft.await(reading);
        server.close();
        return Weft.done(first.done() && third.done() && second.cancelled() ? 2 : 0);
    }

    @Test
    void drain_severalConcurrentDrainersOneCancelled_othersAllResume() {
        assertEquals(2, Weft.run(concurrentDrainers()));
    }

    // ---- bad input -----------------------------------------------------------------------------

    @Async
    static Coroutine<Throwable> failureOf(Future<?> f) {
        try {
            Weft.await(f);
            return Weft.done(null);
        } catch (Exception e) {
            return Weft.done(e);
        }
    }

    @Async
    static Coroutine<List<Throwable>> badInputs() {
        List<Throwable> errors = new ArrayList<>();
        Server server = Weft.await(Streams.startServer(StreamsTest::oversizeAndShort, HOST, 0,
                16, ServerOptions.defaults()));
        int port = server.port();
        errors.add(Weft.await(failureOf(Streams.openConnection("no-such-host.invalid", port))));
        errors.add(Weft.await(failureOf(Streams.startServer(StreamsTest::oversizeAndShort, HOST,
                port, 16, ServerOptions.defaults().withReuseAddress(false)))));
        Connection c = Weft.await(Streams.openConnection(HOST, port));
        c.writer().write("this line is far longer than sixteen bytes\nok\nabc"
                .getBytes(StandardCharsets.US_ASCII));
        c.writer().writeEof();
        byte[] report = Weft.await(c.reader().read());
        errors.add(new AssertionError(new String(report, StandardCharsets.US_ASCII)));
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        errors.add(Weft.await(failureOf(Streams.openConnection(HOST, port))));
        return Weft.done(errors);
    }

    /** Reads a too-long line, a good line and a truncated record; reports what each gave. */
    @Async
    static Coroutine<Void> oversizeAndShort(StreamReader reader, StreamWriter writer) {
        StringBuilder report = new StringBuilder();
        try {
            Weft.await(reader.readLine());
        } catch (LimitOverrunError e) {
            report.append("overrun;");
        }
        byte[] ok = Weft.await(reader.readLine());
        report.append(new String(ok, StandardCharsets.US_ASCII).trim()).append(';');
        try {
            Weft.await(reader.readExactly(10));
        } catch (IncompleteReadError e) {
            report.append("incomplete ").append(e.partial().length).append('/')
                    .append(e.expected()).append(';');
        }
        report.append("eof ").append(reader.atEof());
        writer.write(report.toString().getBytes(StandardCharsets.US_ASCII));
        writer.close();
        try {
            writer.write(new byte[1]);
        } catch (IllegalStateException e) {
            return Weft.done(); // a write after close is refused
        }
        throw new AssertionError("a write after close() was accepted");
    }

    @Test
    void streams_badInputs_eachFailsItsAwaitWithTheDocumentedException() {
        List<Throwable> errors = Weft.run(badInputs());

        assertInstanceOf(UnknownHostException.class, errors.get(0));
        assertInstanceOf(BindException.class, errors.get(1));
        assertEquals("overrun;ok;incomplete 3/10;eof true", errors.get(2).getMessage());
        assertInstanceOf(ConnectException.class, errors.get(3));
    }

    // ---- the server keeps serving ---------------------------------------------------------------

    /** Echoes lines (limit 16) until EOF; lets every error escape, after noting its class. */
    @Async
    static Coroutine<Void> strictEcho(StreamReader reader, StreamWriter writer, List<String> seen) {
        try {
            for (byte[] line = Weft.await(reader.readLine()); line.length > 0;
                    line = Weft.await(reader.readLine())) {
                writer.write(line);
                Weft.await(writer.drain());
            }
        } catch (Exception e) {
            seen.add(e instanceof java.io.IOException ? "IOException" : e.getClass().getSimpleName());
            throw e;
        }
        seen.add("eof");
        writer.close();
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> serveThroughBadClients() {
        List<String> seen = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        Weft.loop().setExceptionHandler((where, t) -> reported.add(
                t instanceof java.io.IOException ? "IOException" : t.getClass().getSimpleName()));
        Server server = Weft.await(Streams.startServer((r, w) -> strictEcho(r, w, seen), HOST, 0,
                16, ServerOptions.defaults()));
        // An oversize line: the handler fails with LimitOverrunError, the server closes that
        // connection only.
        Connection oversize = Weft.await(Streams.openConnection(HOST, server.port()));
        oversize.writer().write("far longer than sixteen bytes\n".getBytes(StandardCharsets.US_ASCII));
        byte[] gone = Weft.await(oversize.reader().read());
        oversize.writer().close();
        // A reset in the middle of a line: the handler's read fails with an IOException.
        Connection reset = Weft.await(Streams.openConnection(HOST, server.port()));
        reset.writer().write("half a li".getBytes(StandardCharsets.US_ASCII));
        Weft.await(Weft.sleep(20));
        reset.writer().transport().setOption(StandardSocketOptions.SO_LINGER, 0);
        reset.writer().transport().abort();
        Weft.await(Weft.sleep(20));
        // A well-behaved client afterwards is served as if nothing happened.
        Connection good = Weft.await(Streams.openConnection(HOST, server.port()));
        good.writer().write("ok\n".getBytes(StandardCharsets.US_ASCII));
        byte[] echoed = Weft.await(good.reader().readLine());
        good.writer().writeEof();
        byte[] atEnd = Weft.await(good.reader().readLine());
        byte[] again = Weft.await(good.reader().read(10));
        Throwable exactly = Weft.await(failureOf(Weft.createTask(good.reader().readExactly(1))));
        good.writer().close();
        Weft.await(good.writer().waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(List.of("oversize client read " + gone.length + " bytes then EOF",
                "good client: " + new String(echoed, StandardCharsets.US_ASCII).trim() + ", then "
                        + atEnd.length + " and " + again.length + " bytes, then "
                        + exactly.getClass().getSimpleName(),
                "handlers saw " + seen, "loop reported " + reported));
    }

    @Test
    void server_clientsFailOverrunAndReset_serverKeepsServingTheNext() {
        List<String> log = Weft.run(serveThroughBadClients());

        assertEquals(List.of("oversize client read 0 bytes then EOF",
                "good client: ok, then 0 and 0 bytes, then IncompleteReadError",
                "handlers saw [LimitOverrunError, IOException, eof]",
                "loop reported [LimitOverrunError, IOException]"), log);
    }

    // ---- writing to a connection that is gone ----------------------------------------------------

    @Async
    static Coroutine<List<String>> writeAfterPeerClosed() {
        Future<StreamWriter> serverSide = Weft.loop().createFuture();
        Server server = Weft.await(Streams.startServer((r, w) -> hold(w, serverSide), HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        Weft.await(serverSide).close(); // the peer closes its socket entirely
        List<String> log = new ArrayList<>();
        log.add("read " + Weft.await(c.reader().read()).length); // EOF
        Throwable failure = null;
        for (int i = 0; i < 50; i++) {
            // The first write reaches the peer's kernel, which answers with a reset; a later one
            // fails on the socket. No write throws: the drain that follows reports it.
            c.writer().write(new byte[100]);
            boolean broken = c.writer().isClosing();
            failure = Weft.await(failureOf(c.writer().drain()));
            if (broken || failure != null) {
                log.add("socket broken by a write " + broken + ", the next drain failed "
                        + (failure != null));
                break;
            }
            Weft.await(Weft.sleep(10));
        }
        // The reader's error (an IOException such as "Broken pipe"), from then on.
        log.add("drain failed with an IOException " + (failure instanceof java.io.IOException));
        log.add("then drain fails with it " + (Weft.await(failureOf(c.writer().drain())) == failure));
        c.writer().write(new byte[1]); // dropped: the connection is gone
        c.writer().close();
        boolean threw = false;
        try {
            c.writer().write(new byte[1]);
        } catch (IllegalStateException e) {
            threw = true;
        }
        log.add("write after close throws " + threw);
        server.close();
        return Weft.done(log);
    }

    @Test
    void write_afterPeerClosed_nextDrainFailsAndWriteAfterCloseThrows() {
        List<String> log = Weft.run(writeAfterPeerClosed());

        assertEquals("read 0", log.get(0));
        assertEquals("socket broken by a write true, the next drain failed true", log.get(1));
        assertEquals("drain failed with an IOException true", log.get(2));
        assertEquals("then drain fails with it true", log.get(3));
        assertEquals("write after close throws true", log.get(4));
    }

    // ---- peer reset ----------------------------------------------------------------------------

    @Async
    static Coroutine<Throwable> resetByPeer() {
        Future<StreamWriter> serverSide = Weft.loop().createFuture();
        Server server = Weft.await(Streams.startServer((r, w) -> hold(w, serverSide), HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, server.port()));
        StreamWriter peer = Weft.await(serverSide);
        peer.transport().setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        peer.transport().abort(); // SO_LINGER 0 and close: the client gets a reset
        Throwable error = null;
        try {
            while (true) {
                if (Weft.await(c.reader().read(100)).length == 0) {
                    c.writer().write(new byte[1]);
                    Weft.await(c.writer().drain());
                }
            }
        } catch (Exception e) {
            error = e;
        }
        server.close();
        return Weft.done(error);
    }

    @Async
    static Coroutine<Void> hold(StreamWriter writer, Future<StreamWriter> out) {
        out.setResult(writer.handOff()); // the test uses the connection after this returns
        return Weft.done();
    }

    @Test
    void read_peerResets_throwsIoExceptionAtTheAwait() {
        Throwable error = Weft.run(resetByPeer());

        assertInstanceOf(java.io.IOException.class, error);
    }

    // ---- Unix domain sockets -------------------------------------------------------------------

    @Async
    static Coroutine<String> unixEcho(Path path) {
        Server server = Weft.await(Streams.startUnixServer(StreamsTest::echoLine, path));
        Connection c = Weft.await(Streams.openUnixConnection(path));
        c.writer().write("over a unix socket\n".getBytes(StandardCharsets.US_ASCII));
        byte[] line = Weft.await(c.reader().readLine());
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(new String(line, StandardCharsets.US_ASCII));
    }

    @Async
    static Coroutine<Void> echoLine(StreamReader reader, StreamWriter writer) {
        writer.write(Weft.await(reader.readLine()));
        Weft.await(writer.drain());
        writer.close();
        return Weft.done();
    }

    @Test
    void unixSocket_echoOneLine_roundTripsAndRemovesSocketFile() throws Exception {
        Path dir = Files.createTempDirectory("weft-unix");
        Path path = dir.resolve("echo.sock");
        try {
            assertEquals("over a unix socket\n", Weft.run(unixEcho(path)));
            assertTrue(Files.notExists(path), "the server left its socket file behind");
        } finally {
            Files.deleteIfExists(path);
            Files.delete(dir);
        }
    }
}
