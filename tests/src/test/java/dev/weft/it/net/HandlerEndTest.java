package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, point 6: a stream server ends a client's connection when the client's handler task
 * ends — returned, failed, cancelled from outside, by a timeout scope, by {@code Weft.run}'s
 * shutdown — unless the handler handed the connection off. Loopback only; every wait for the
 * peer is bounded, so a connection left open fails the test instead of hanging it.
 *
 * <p>The CPython 3.13 twin ({@code start_server} with a handler cancelled in {@code read()}, and
 * one that returns without closing) prints {@code client read after cancel: b''} and
 * {@code client read after return: b''}: the cancelled handler's transport is closed by
 * {@code StreamReaderProtocol}'s done callback, the returned one's when its writer is collected
 * (with a {@code ResourceWarning}). weft closes both when the task ends; see {@code StreamHandler}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandlerEndTest {
    private static final String HOST = "127.0.0.1";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** What the client sees next: "EOF", "reset", or "still open" if nothing came in time. */
    @Async
    static Coroutine<String> peerSees(Connection c) {
        try {
            byte[] got = Weft.await(Weft.waitFor(c.reader().read(100), PATIENCE));
            return Weft.done(got.length == 0 ? "EOF" : new String(got, StandardCharsets.US_ASCII));
        } catch (TimeoutError e) {
            return Weft.done("still open");
        } catch (Exception e) {
            return Weft.done(e instanceof java.io.IOException ? "reset" : e.toString());
        } finally {
            c.writer().close();
        }
    }

    /** Reads until the peer's EOF; notes its task in {@code tasks}. */
    @Async
    static Coroutine<Void> readForever(StreamReader reader, StreamWriter writer, List<Task<?>> tasks) {
        tasks.add(Weft.currentTask().orElseThrow());
        writer.write("hello;".getBytes(StandardCharsets.US_ASCII));
        while (Weft.await(reader.read(100)).length > 0) {
            // keep reading: only the cancellation ends this handler
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> returnAtOnce(StreamReader reader, StreamWriter writer) {
        writer.write("bye".getBytes(StandardCharsets.US_ASCII));
        return Weft.done(); // without closing the writer
    }

    @Async
    static Coroutine<Void> failAtOnce(StreamReader reader, StreamWriter writer) {
        throw new IllegalStateException("handler bug");
    }

    @Async
    static Coroutine<Void> readUnderTimeout(StreamReader reader, StreamWriter writer) {
        Weft.await(Weft.timeout(Duration.ofMillis(50)).run(reader.readLine())); // never comes
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> everyEnding() {
        List<String> log = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        Weft.loop().setExceptionHandler((where, t) -> reported.add(t.getClass().getSimpleName()));
        List<Task<?>> tasks = new ArrayList<>();

        Server cancelled = Weft.await(Streams.startServer((r, w) -> readForever(r, w, tasks), HOST, 0));
        Connection c = Weft.await(Streams.openConnection(HOST, cancelled.port()));
        log.add("greeting " + new String(Weft.await(c.reader().readExactly(6)), StandardCharsets.US_ASCII));
        Task<?> handler = tasks.get(0);
        // As in asyncio, a second cancel() of a task not yet done is accepted too (True, True).
        log.add("cancel " + handler.cancel() + ", again " + handler.cancel("twice"));
        log.add("cancelled from outside: " + Weft.await(peerSees(c)));
        int raised = 0;
        for (int i = 0; i < 5; i++) {
            try {
                Weft.await(handler);
            } catch (CancelledError e) {
                raised++;
            }
        }
        log.add("awaits of the cancelled handler raised CancelledError " + raised + " times");
        log.add("connections left " + cancelled.connectionCount());
        cancelled.close();

        for (Server s : List.of(
                Weft.await(Streams.startServer(HandlerEndTest::returnAtOnce, HOST, 0)),
                Weft.await(Streams.startServer(HandlerEndTest::failAtOnce, HOST, 0)),
                Weft.await(Streams.startServer(HandlerEndTest::readUnderTimeout, HOST, 0)))) {
            log.add(Weft.await(peerSees(Weft.await(Streams.openConnection(HOST, s.port())))));
            s.close();
            Weft.await(Weft.waitFor(s.waitClosed(), PATIENCE)); // its last connection is gone
        }
        log.add("reported " + reported);
        return Weft.done(log);
    }

    @Test
    void handlerEnds_returnedFailedCancelledOrTimedOut_connectionClosed() {
        List<String> log = Weft.run(everyEnding());

        assertEquals(List.of("greeting hello;", "cancel true, again true", "cancelled from outside: EOF",
                "awaits of the cancelled handler raised CancelledError 5 times", "connections left 0",
                "bye", "EOF", "EOF", "reported [IllegalStateException, TimeoutError]"), log);
    }

    // ---- loop shutdown -----------------------------------------------------------------------

    @Async
    static Coroutine<Void> readWithCleanup(StreamReader reader, StreamWriter writer, Future<Void> started,
            List<String> log) {
        started.setResult(null);
        try {
            Weft.await(reader.read(100));
        } finally {
            log.add("handler cleanup ran, connection closing " + writer.isClosing());
        }
        return Weft.done();
    }

    /** Starts a server, connects a plain blocking socket, returns while its handler reads. */
    @Async
    static Coroutine<Socket> serveUntilShutdown(List<String> log) throws java.io.IOException {
        Future<Void> started = Weft.loop().createFuture();
        Server server = Weft.await(Streams.startServer((r, w) -> readWithCleanup(r, w, started, log), HOST, 0));
        Socket client = new Socket(HOST, server.port()); // the kernel completes it: no accept needed
        Weft.await(Weft.waitFor(started, PATIENCE));
        return Weft.done(client); // Weft.run cancels the handler and closes the loop
    }

    @Test
    void loopShutdown_handlerCancelledByWeftRun_connectionClosed() throws Exception {
        List<String> log = new ArrayList<>();
        try (Socket client = Weft.run(serveUntilShutdown(log))) {
            client.setSoTimeout((int) PATIENCE.toMillis());
            InputStream in = client.getInputStream();
            assertEquals(-1, in.read(), "the server side of the connection is still open");
        }
        assertEquals(List.of("handler cleanup ran, connection closing false"), log);
    }

    // ---- handing the connection off ------------------------------------------------------------

    @Async
    static Coroutine<Void> handOff(StreamReader reader, StreamWriter writer, Future<StreamWriter> out,
            List<StreamWriter> forgotten) {
        if (forgotten.isEmpty()) {
            forgotten.add(writer); // the first client's handler forgets to hand off
        } else {
            out.setResult(writer.handOff());
        }
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> handedOff() {
        List<String> log = new ArrayList<>();
        Future<StreamWriter> kept = Weft.loop().createFuture();
        List<StreamWriter> forgotten = new ArrayList<>();
        Server server = Weft.await(Streams.startServer((r, w) -> handOff(r, w, kept, forgotten), HOST, 0));
        Connection first = Weft.await(Streams.openConnection(HOST, server.port()));
        log.add("not handed off: " + Weft.await(peerSees(first)));
        try {
            forgotten.get(0).write(new byte[1]);
            log.add("a write after the handler ended was accepted");
        } catch (IllegalStateException e) {
            log.add("a later write says to hand off: " + e.getMessage().contains("StreamWriter.handOff()"));
        }
        Connection second = Weft.await(Streams.openConnection(HOST, server.port()));
        StreamWriter writer = Weft.await(Weft.waitFor(kept, PATIENCE));
        Weft.await(Weft.sleep(50)); // the handler has returned: the connection must stay open
        writer.write("later".getBytes(StandardCharsets.US_ASCII));
        writer.close();
        log.add("handed off: " + Weft.await(peerSees(second)));
        server.close();
        return Weft.done(log);
    }

    @Test
    void handOff_handlerReturns_connectionStaysOpenForItsNewOwner() {
        List<String> log = Weft.run(handedOff());

        assertEquals(List.of("not handed off: EOF", "a later write says to hand off: true", "handed off: later"),
                log);
    }
}
