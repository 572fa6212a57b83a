package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.BufferedProtocol;
import dev.weft.net.Endpoints;
import dev.weft.net.Protocol;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.Transport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server loop thread's CPU time and allocated bytes per echoed request, for one server kind:
 * {@code java -cp benchmarks.jar dev.weft.bench.EchoCostProbe KIND [CONNECTIONS [SIZE
 * [REQUESTS]]]}, KIND one of {@code streams} ({@code read} + {@code write} + {@code drain}),
 * {@code protocol}, {@code buffered} (a {@link BufferedProtocol} writing back from its own
 * buffer) and {@code nio} (a bare {@code Selector.select(Consumer)} loop, the floor).
 *
 * <p>A closed-loop client on a second weft loop in the same JVM keeps CONNECTIONS (16) requests
 * of SIZE (64) bytes in flight, each sent once its previous echo is back in full. After a
 * warm-up of a fifth of REQUESTS (200,000) the probe reads the server thread's CPU time
 * (user + system, {@code ThreadMXBean.getThreadCpuTime}, and user alone) and allocation counter, and again at
 * the end. The kernel's share of a loopback request is in the CPU figure and is the same for
 * every kind, so compare kinds in one run; the benchmark suite's echo (separate JVMs, user and
 * system time apart) is the reference, this probe is for quick A/B of the runtime's paths.
 */
public final class EchoCostProbe {
    private static final String HOST = "127.0.0.1";

    private EchoCostProbe() {
    }

    // ---- servers ----------------------------------------------------------------------------

    @Async
    static Coroutine<Void> streamEcho(StreamReader reader, StreamWriter writer) {
        writer.transport().setOption(StandardSocketOptions.TCP_NODELAY, true);
        for (byte[] got = Weft.await(reader.read(64 * 1024)); got.length > 0;
                got = Weft.await(reader.read(64 * 1024))) {
            writer.write(got);
            Weft.await(writer.drain());
        }
        return Weft.done();
    }

    static final class ProtocolEcho implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            t.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    static final class BufferedEcho implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private Transport transport;

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
        }

        @Override
        public void dataReceived(byte[] data) {
            throw new AssertionError("never called for a BufferedProtocol");
        }
    }

    @Async
    static Coroutine<Void> weftServer(String kind, CompletableFuture<Integer> port,
            Future<Void> stop) {
        Server server;
        if (kind.equals("streams")) {
            server = Weft.await(Streams.startServer(EchoCostProbe::streamEcho, HOST, 0));
        } else {
            server = Weft.await(Endpoints.createServer(Weft.loop(), kind.equals("protocol")
                    ? ProtocolEcho::new : BufferedEcho::new, HOST, 0));
        }
        port.complete(server.port());
        Weft.await(stop);
        server.close();
        server.abortClients();
        return Weft.done();
    }

    /** The bare loop: reads into one direct buffer and writes it back, until interrupted. */
    static void nioServer(CompletableFuture<Integer> port) throws IOException {
        try (Selector selector = Selector.open(); ServerSocketChannel listener =
                ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(HOST, 0));
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            port.complete(((InetSocketAddress) listener.getLocalAddress()).getPort());
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
            while (!Thread.currentThread().isInterrupted()) {
                selector.select(key -> {
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel c = listener.accept();
                            c.configureBlocking(false);
                            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            c.register(selector, SelectionKey.OP_READ);
                            return;
                        }
                        SocketChannel c = (SocketChannel) key.channel();
                        buf.clear();
                        if (c.read(buf) < 0) {
                            key.cancel();
                            c.close();
                            return;
                        }
                        buf.flip();
                        c.write(buf); // loopback echo: the socket takes it
                    } catch (IOException e) {
                        key.cancel();
                    }
                }, 100);
            }
        }
    }

    // ---- the closed-loop client -------------------------------------------------------------

    /** One connection: sends a request, waits for its echo in full, sends the next. */
    static final class Client implements Protocol {
        private final byte[] request;
        private final Runnable onEcho;
        private Transport transport;
        private int pending;
        private boolean stopped;

        Client(int size, Runnable onEcho) {
            this.request = new byte[size];
            this.onEcho = onEcho;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            t.setOption(StandardSocketOptions.TCP_NODELAY, true);
            send();
        }

        private void send() {
            pending = request.length;
            transport.write(request);
        }

        @Override
        public void dataReceived(byte[] data) {
            pending -= data.length;
            if (pending == 0) {
                onEcho.run();
                if (!stopped) {
                    send();
                }
            }
        }

        void stop() {
            stopped = true;
            transport.close();
        }
    }

    /** Runs the probe and prints one line of figures. */
    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "streams";
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        long requests = args.length > 3 ? Long.parseLong(args[3]) : 200_000;
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Runnable> stopper = new CompletableFuture<>();
        Thread server = new Thread(() -> {
            try {
                if (kind.equals("nio")) {
                    stopper.complete(null);
                    nioServer(port);
                    return;
                }
                EventLoop loop = EventLoop.create();
                Future<Void> stop = loop.createFuture();
                stopper.complete(() -> loop.callSoonThreadsafe(() -> stop.setResult(null)));
                loop.runUntilComplete(loop.createTask(weftServer(kind, port, stop)));
                loop.close();
            } catch (Throwable t) {
                port.completeExceptionally(t);
            }
        }, "echo-server");
        server.start();
        int p = port.get(30, TimeUnit.SECONDS);
        long[] window = new long[6];
        long warmup = requests / 5;
        long[] done = {0};
        CountDownLatch finished = new CountDownLatch(1);
        Client[] clients = new Client[connections];
        EventLoop loop = EventLoop.create();
        Runnable onEcho = () -> {
            long n = ++done[0];
            if (n == warmup) {
                window[0] = mx.getThreadCpuTime(server.getId());
                window[1] = mx.getThreadAllocatedBytes(server.getId());
                window[4] = mx.getThreadUserTime(server.getId());
            } else if (n == warmup + requests) {
                window[2] = mx.getThreadCpuTime(server.getId());
                window[3] = mx.getThreadAllocatedBytes(server.getId());
                window[5] = mx.getThreadUserTime(server.getId());
                for (Client c : clients) {
                    c.stop();
                }
                finished.countDown();
            }
        };
        Future<Void> all = loop.createFuture();
        loop.callSoon(() -> {
            for (int i = 0; i < connections; i++) {
                Client c = new Client(size, onEcho);
                clients[i] = c;
                Endpoints.createConnection(loop, () -> c, HOST, p);
            }
            waitFor(loop, finished, all);
        });
        long t0 = System.nanoTime();
        loop.runUntilComplete(all);
        long wall = System.nanoTime() - t0;
        loop.close();
        if (kind.equals("nio")) {
            server.interrupt();
        } else {
            stopper.get().run();
        }
        server.join(10_000);
        System.out.printf("%s echo, %d connections x %d B: %.2f us user CPU, %.2f us user + "
                + "system, %.1f B allocated per request on the server thread; %.0f requests/s "
                + "(Java %s)%n", kind, connections, size, (window[5] - window[4]) / 1e3 / requests,
                (window[2] - window[0]) / 1e3 / requests,
                (window[3] - window[1]) / (double) requests, (warmup + requests) / (wall / 1e9),
                System.getProperty("java.version"));
    }

    private static void waitFor(EventLoop loop, CountDownLatch finished, Future<Void> all) {
        if (finished.getCount() == 0) {
            all.setResult(null);
        } else {
            loop.callLater(5, () -> waitFor(loop, finished, all));
        }
    }
}
