package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes batched per loop iteration, on loopback: the system calls are counted through
 * {@link SocketTransport#writeCalls()}, never timed; order, EOF, close and abort behave as they
 * did when every write was sent at once.
 */
@Timeout(30)
class WriteBatchingTest {
    private final EventLoop loop = EventLoop.create();
    private final List<Server> servers = new ArrayList<>();
    private final List<RecordingProtocol> serverSide = new ArrayList<>();

    @AfterEach
    void closeAll() {
        for (Server s : servers) {
            Future<Void> f = loop.createFuture();
            loop.callSoon(() -> {
                s.close();
                s.abortClients();
                s.waitClosed().addDoneCallback(x -> f.setResult(null));
            });
            loop.runUntilComplete(f);
        }
        loop.close();
    }

    private <T> Future<T> call(Supplier<Future<T>> action) {
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

    /** A client transport connected to a recording server that closes on EOF. */
    private SocketTransport connect(RecordingProtocol client) {
        Server s = loop.runUntilComplete(call(() -> Endpoints.createServer(loop, () -> {
            RecordingProtocol p = new RecordingProtocol(loop);
            serverSide.add(p);
            return p;
        }, "127.0.0.1", 0)));
        servers.add(s);
        return (SocketTransport) loop.runUntilComplete(call(
                () -> Endpoints.createConnection(loop, () -> client, "127.0.0.1", s.port())));
    }

    /** Runs {@code action} in one loop iteration and returns once the next one has run. */
    private void inOneIteration(Runnable action) {
        Future<Void> next = loop.createFuture();
        loop.callSoon(() -> {
            action.run();
            loop.callSoon(() -> next.setResult(null));
        });
        loop.runUntilComplete(next);
    }

    private static byte[] message(int i) {
        return ("message " + i + ";").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void write_hundredTimesInOneIteration_oneSystemCallAtItsEnd() {
        RecordingProtocol client = new RecordingProtocol(loop);
        SocketTransport t = connect(client);
        long before = t.writeCalls();
        long[] duringWrites = new long[1];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        inOneIteration(() -> {
            for (int i = 0; i < 100; i++) {
                t.write(message(i));
                expected.writeBytes(message(i));
            }
            duringWrites[0] = t.writeCalls() - before;
        });

        assertEquals(0, duringWrites[0], "a write made a system call before the iteration ended");
        assertEquals(1, t.writeCalls() - before);
        assertEquals(0, t.getWriteBufferSize());
        inOneIteration(t::close);
        loop.runUntilComplete(serverSide.get(0).lost);
        assertArrayEquals(expected.toByteArray(), serverSide.get(0).received.toByteArray());
    }

    @Test
    void write_inThreeIterations_oneSystemCallEachInOrder() {
        RecordingProtocol client = new RecordingProtocol(loop);
        SocketTransport t = connect(client);
        long before = t.writeCalls();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        for (int round = 0; round < 3; round++) {
            int base = round * 10;
            inOneIteration(() -> {
                for (int i = base; i < base + 10; i++) {
                    t.write(message(i));
                    expected.writeBytes(message(i));
                }
            });
        }
        inOneIteration(t::writeEof);

        assertEquals(3, t.writeCalls() - before);
        RecordingProtocol peer = serverSide.get(0);
        loop.runUntilComplete(peer.lost);
        assertArrayEquals(expected.toByteArray(), peer.received.toByteArray());
        assertEquals(List.of("made", "data", "eof", "lost"), peer.events);
    }

    @Test
    void writeEof_afterWritesInTheSameIteration_sendsTheDataFirst() {
        RecordingProtocol client = new RecordingProtocol(loop);
        SocketTransport t = connect(client);

        inOneIteration(() -> {
            t.write(message(1));
            t.writeEof();
            t.writeEof();
        });

        RecordingProtocol peer = serverSide.get(0);
        loop.runUntilComplete(peer.lost);
        assertArrayEquals(message(1), peer.received.toByteArray());
        assertEquals(List.of("made", "data", "eof", "lost"), peer.events);
    }

    @Test
    void close_afterWritesInTheSameIteration_flushesThemThenLosesTheConnectionOnce() {
        RecordingProtocol client = new RecordingProtocol(loop);
        SocketTransport t = connect(client);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        inOneIteration(() -> {
            for (int i = 0; i < 50; i++) {
                t.write(message(i));
                expected.writeBytes(message(i));
            }
            t.close();
            assertTrue(t.isClosing());
        });

        assertNull(loop.runUntilComplete(client.lost));
        assertEquals(List.of("made", "lost"), client.events);
        RecordingProtocol peer = serverSide.get(0);
        loop.runUntilComplete(peer.lost);
        assertArrayEquals(expected.toByteArray(), peer.received.toByteArray());
        assertEquals(List.of("made", "data", "eof", "lost"), peer.events);
    }

    @Test
    void abort_afterWritesInTheSameIteration_dropsThemWithoutASystemCall() {
        RecordingProtocol client = new RecordingProtocol(loop);
        SocketTransport t = connect(client);
        long before = t.writeCalls();

        inOneIteration(() -> {
            t.write(message(1));
            t.write(message(2));
            t.abort();
        });

        assertNull(loop.runUntilComplete(client.lost));
        assertEquals(0, t.writeCalls() - before);
        assertEquals(0, t.getWriteBufferSize());
        RecordingProtocol peer = serverSide.get(0);
        loop.runUntilComplete(peer.lost);
        assertEquals(0, peer.received.size(), "the peer got bytes written before abort()");
        assertEquals(1, client.events.stream().filter(e -> e.startsWith("lost")).count());
    }

    @Test
    void write_pastTheHighWaterMark_flushesAtOnceAndPausesOnlyIfTheSocketRefuses() {
        RecordingProtocol client = new RecordingProtocol(loop);
        SocketTransport t = connect(client);
        long before = t.writeCalls();
        long[] duringWrite = new long[1];
        int[] leftAfterWrite = new int[1];

        inOneIteration(() -> {
            t.setWriteBufferLimits(1024, 256);
            t.write(new byte[100]); // below the mark: waits for the iteration's end
            t.write(new byte[2000]); // past it: flushed now, both writes in one system call
            duringWrite[0] = t.writeCalls() - before;
            leftAfterWrite[0] = t.getWriteBufferSize();
        });

        assertEquals(1, duringWrite[0]);
        assertEquals(0, leftAfterWrite[0], "a fresh loopback socket takes 2 KiB at once");
        assertFalse(client.events.contains("pause"), client.events.toString());
        assertEquals(1, t.writeCalls() - before, "the iteration's end had nothing left to flush");
    }
}
