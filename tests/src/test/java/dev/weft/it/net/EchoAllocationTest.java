package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.BufferedProtocol;
import dev.weft.net.Endpoints;
import dev.weft.net.IncompleteReadError;
import dev.weft.net.Protocol;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.Transport;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8's steady-state promise: a loopback echo allocates, on the server's loop thread, nothing
 * per request beyond the byte arrays handed to the application — through the streams (each read
 * having to wait for the next request) and through a plain {@link Protocol} — and nothing at all
 * through a {@link BufferedProtocol} that writes back from its own buffer (issue 19).
 *
 * <p>How it measures without depending on speed: one blocking client on the test thread sends a
 * 64-byte request and waits for its echo before sending the next, so every server read finds an
 * empty buffer and waits. The server's own code reads its thread's allocated-bytes counter
 * ({@code com.sun.management.ThreadMXBean}) once the warm-up requests are through and again after
 * the measured ones, and adds up the size of every array it was handed in between. Allocation
 * counts do not depend on timing: only on which code paths run, and a ping-pong runs the same
 * ones for every request.
 *
 * <p>The slack: {@link #SLACK_PER_REQUEST} bytes per request plus {@link #SLACK_FIXED} for the
 * whole window. The smallest object the JVM can allocate is 16 bytes (12 with JDK 25's opt-in
 * compact headers, rounded up to 16), so an 8-byte-per-request allowance catches any object made
 * per request, or every second request, while the fixed allowance absorbs one-off events that are
 * not per request (a queue array that grows once, a lazily initialised JDK field). It holds for
 * interpreted and compiled code alike because it does not rely on escape analysis: the paths it
 * measures allocate nothing, rather than allocating objects the JIT might remove. Array sizes are
 * counted with a 16-byte header (compressed class pointers, the default on JDK 17 to 25), an upper
 * bound of the real size.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EchoAllocationTest {
    private static final String HOST = "127.0.0.1";
    private static final int SIZE = 64;
    private static final int WARMUP = 3_000;
    private static final int MEASURED = 20_000;
    private static final long SLACK_PER_REQUEST = 8;
    private static final long SLACK_FIXED = 16 * 1024;

    /** How the server reads each request. */
    enum Path {
        READ_LINE, READ_N, READ_EXACTLY, READ_UNTIL, LINES, PROTOCOL,
        /** A {@link BufferedProtocol} that writes back from its own buffer: 0 B per request. */
        BUFFERED
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Path.class)
    void echo_steadyState_allocatesOnlyTheArraysHandedToTheUser(Path path) throws Exception {
        com.sun.management.ThreadMXBean mx = threadMx();
        Probe probe = new Probe(mx);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Void> served = new CompletableFuture<>();
        Thread server = new Thread(() -> {
            try {
                Weft.run(serve(path, probe, port));
                served.complete(null);
            } catch (Throwable t) {
                port.completeExceptionally(t);
                served.completeExceptionally(t);
            }
        }, "echo-server-" + path);
        server.start();
        runClient(path, port.get(30, TimeUnit.SECONDS));
        served.get(30, TimeUnit.SECONDS);
        server.join();

        assertTrue(probe.allocated >= 0, "the measured window never ended");
        long allowed = probe.handedBytes + MEASURED * SLACK_PER_REQUEST + SLACK_FIXED;
        // The figures go into the failure message only: a passing build prints nothing
        // (benchmarks/ measures allocation with JMH's gc profiler).
        assertTrue(probe.allocated <= allowed, () -> String.format("%s: %d bytes allocated on "
                + "the loop thread for %d requests (%.1f B/request); the arrays handed to the "
                + "user were %d bytes (%.1f B/request); allowed %d (Java %s, %s)", path, probe.allocated,
                MEASURED, probe.allocated / (double) MEASURED, probe.handedBytes,
                probe.handedBytes / (double) MEASURED, allowed, System.getProperty("java.version"),
                System.getProperty("java.vm.info")));
    }

    private static com.sun.management.ThreadMXBean threadMx() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "no allocation counters here");
        com.sun.management.ThreadMXBean hot = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(hot.isThreadAllocatedMemorySupported(), "no allocation counters here");
        hot.setThreadAllocatedMemoryEnabled(true);
        return hot;
    }

    // ---- the client: one request at a time ------------------------------------------------------

    private static void runClient(Path path, int port) throws IOException {
        byte[] request = new byte[SIZE];
        Arrays.fill(request, (byte) 'x');
        if (path == Path.READ_UNTIL) {
            request[SIZE - 2] = '\r';
        }
        request[SIZE - 1] = '\n';
        byte[] reply = new byte[SIZE];
        try (Socket s = new Socket(HOST, port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                out.write(request);
                in.readFully(reply);
                if (i % 1000 == 0) {
                    assertArrayEquals(request, reply, "echo " + i);
                }
            }
            s.shutdownOutput();
            assertTrue(in.read() < 0, "the server sent more than the echoes");
        }
    }

    // ---- the server -------------------------------------------------------------------------------

    @Async
    static Coroutine<Void> serve(Path path, Probe probe, CompletableFuture<Integer> port) {
        Future<Void> done = Weft.loop().createFuture();
        Server server;
        if (path == Path.PROTOCOL) {
            server = Weft.await(Endpoints.createServer(Weft.loop(), () -> new EchoProtocol(probe, done),
                    HOST, 0));
        } else if (path == Path.BUFFERED) {
            server = Weft.await(Endpoints.createServer(Weft.loop(), () -> new EchoBuffered(probe, done),
                    HOST, 0));
        } else {
            server = Weft.await(Streams.startServer((r, w) -> echo(path, r, w, probe, done),
                    HOST, 0));
        }
        port.complete(server.port());
        Weft.await(done);
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done();
    }

    @Async
    static Coroutine<Void> echo(Path path, StreamReader reader, StreamWriter writer, Probe probe,
            Future<Void> done) {
        writer.transport().setOption(StandardSocketOptions.TCP_NODELAY, true);
        byte[] crlf = {'\r', '\n'};
        AsyncGenerator<byte[]> lines = reader.lines();
        for (;;) {
            byte[] got;
            try {
                switch (path) {
                    case READ_LINE:
                        got = Weft.await(reader.readLine());
                        break;
                    case READ_N:
                        got = Weft.await(reader.read(SIZE));
                        break;
                    case READ_EXACTLY:
                        got = Weft.await(reader.readExactly(SIZE));
                        break;
                    case READ_UNTIL:
                        got = Weft.await(reader.readUntil(crlf));
                        break;
                    default:
                        got = Weft.await(lines.hasNext()) ? lines.next() : new byte[0];
                        break;
                }
            } catch (IncompleteReadError e) {
                got = e.partial(); // the client's EOF
            }
            if (got.length == 0) {
                break;
            }
            probe.handed(got);
            writer.write(got);
            Weft.await(writer.drain());
        }
        writer.close();
        Weft.await(writer.waitClosed());
        done.setResult(null);
        return Weft.done();
    }

    /** The protocol path: echoes every chunk it is handed. */
    private static final class EchoProtocol implements Protocol {
        private final Probe probe;
        private final Future<Void> done;
        private Transport transport;

        EchoProtocol(Probe probe, Future<Void> done) {
            this.probe = probe;
            this.done = done;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            t.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }

        @Override
        public void dataReceived(byte[] data) {
            probe.handed(data);
            transport.write(data);
        }

        @Override
        public void connectionLost(Exception exc) {
            done.setResult(null);
        }
    }

    /** The buffered path: receives into one buffer of its own and writes back from it. */
    private static final class EchoBuffered implements BufferedProtocol {
        private final Probe probe;
        private final Future<Void> done;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private Transport transport;

        EchoBuffered(Probe probe, Future<Void> done) {
            this.probe = probe;
            this.done = done;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            t.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            transport.write(buffer.array(), 0, nbytes);
            probe.received(nbytes);
        }

        @Override
        public void dataReceived(byte[] data) {
            throw new AssertionError("a BufferedProtocol is never handed arrays");
        }

        @Override
        public void connectionLost(Exception exc) {
            done.setResult(null);
        }
    }

    /**
     * Counts what the server was handed and reads the loop thread's allocation counter at the
     * window's ends. Loop thread only; read by the test after the server thread has ended.
     */
    static final class Probe {
        private final com.sun.management.ThreadMXBean mx;
        private long received;
        private boolean measuring;
        private long start;
        long allocated = -1;
        long handedBytes;

        Probe(com.sun.management.ThreadMXBean mx) {
            this.mx = mx;
        }

        void handed(byte[] data) {
            if (measuring) {
                handedBytes += arrayBytes(data.length);
            }
            received(data.length);
        }

        /** Counts {@code n} bytes received into the server's own buffer: nothing handed. */
        void received(int n) {
            received += n;
            if (!measuring && allocated < 0 && received >= (long) WARMUP * SIZE) {
                measuring = true;
                start = mx.getCurrentThreadAllocatedBytes();
            } else if (measuring && received >= (long) (WARMUP + MEASURED) * SIZE) {
                allocated = mx.getCurrentThreadAllocatedBytes() - start;
                measuring = false;
            }
        }

        /** The heap size of a {@code byte[n]}: a 16-byte header, rounded up to 8 bytes. */
        private static long arrayBytes(int n) {
            return (16 + n + 7) & ~7L;
        }
    }
}
