package dev.weft.bench.echo;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Endpoints;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The weft echo servers that run on one plain {@link dev.weft.EventLoop}: streams, TLS streams,
 * {@code Protocol} and {@code BufferedProtocol}. Each runs {@link Weft#run} on its own thread
 * (the measured loop thread) until the JVM exits.
 *
 * <p>The factory methods are called on the server JVM's main thread and block until the server
 * listens.
 */
final class WeftEchoServers {
    static final String HOST = "127.0.0.1";

    private WeftEchoServers() {
    }

    /**
     * The stream echo handler: reads whatever arrived (up to 64 KiB), writes it back and drains,
     * until EOF. The same code as the README's echo server, so its cost is what a user pays.
     */
    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] chunk = Weft.await(reader.read(64 * 1024));
            if (chunk.length == 0) {
                return Weft.done();
            }
            writer.write(chunk);
            Weft.await(writer.drain());
        }
    }

    static EchoServer streams() throws Exception {
        return onLoopThread(() -> Streams.startServer(WeftEchoServers::echo, HOST, 0));
    }

    static EchoServer tlsStreams(SSLContext context) throws Exception {
        TlsOptions tls = TlsOptions.of(context);
        return onLoopThread(() -> Streams.startServer(WeftEchoServers::echo, HOST, 0, tls));
    }

    static EchoServer protocol() throws Exception {
        return onLoopThread(() -> Endpoints.createServer(Weft.loop(), EchoProtocol::new, HOST, 0,
                ServerOptions.defaults()));
    }

    static EchoServer buffered() throws Exception {
        return onLoopThread(() -> Endpoints.createServer(Weft.loop(), BufferedEchoProtocol::new,
                HOST, 0, ServerOptions.defaults()));
    }

    /** Starts the server that {@code starter} makes (called on the loop) on a new loop thread. */
    private static EchoServer onLoopThread(Supplier<Future<Server>> starter) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread loop = new Thread(() -> {
            try {
                Weft.run(serve(starter, port));
            } catch (RuntimeException | Error e) {
                port.completeExceptionally(e);
            }
        }, "weft-echo-loop");
        loop.setDaemon(true);
        loop.start();
        int bound = port.get(30, TimeUnit.SECONDS);
        return new EchoServer() {
            @Override
            public int port() {
                return bound;
            }

            @Override
            public List<Thread> loopThreads() {
                return List.of(loop);
            }

            @Override
            public void close() {
                // A daemon thread: the server JVM's exit ends it.
            }
        };
    }

    @Async
    static Coroutine<Void> serve(Supplier<Future<Server>> starter, CompletableFuture<Integer> port) {
        Server server = Weft.await(starter.get());
        port.complete(server.port());
        Weft.await(server.serveForever());
        return Weft.done();
    }
}
