package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.internal.CancelHookFuture;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stream connections and servers on the running loop: asyncio's {@code open_connection} and
 * {@code start_server}, with their Unix-socket variants.
 *
 * <pre>{@code
 * Connection c = Weft.await(Streams.openConnection("localhost", 10000));
 * c.writer().write(bytes);
 * Weft.await(c.writer().drain());
 * byte[] reply = Weft.await(c.reader().read(128));
 *
 * Server server = Weft.await(Streams.startServer(EchoServer::handle, "localhost", 10000));
 * }</pre>
 *
 * <p>Every method returns a future that completes once the connection or server is ready, or
 * fails with the reason ({@link java.net.ConnectException}, {@link java.net.UnknownHostException},
 * {@link java.net.BindException}; see {@link Endpoints}). Cancelling the future of a connection
 * still being made — or the task awaiting it, or letting a {@code Weft.waitFor} or
 * {@code Weft.timeout} around it expire — closes its socket in that very call, so a client that
 * retries against a listener that never answers does not pile up half-open sockets.
 *
 * <p>A server's client connection lives as long as its handler's task: it is closed when the
 * handler returns and aborted when the handler fails or is cancelled, unless the handler handed
 * it on with {@link StreamWriter#handOff()} (the rule is stated on {@link StreamHandler}).
 *
 * <p>Threading: call on the loop thread of a running loop ({@link Weft#loop()}). Null policy:
 * handlers and paths must not be null; a null host means loopback (client) or all interfaces
 * (server).
 */
public final class Streams {
    private Streams() {
    }

    /** Connects to {@code host}:{@code port}; the reader has the default 64 KiB limit. */
    public static Future<Connection> openConnection(String host, int port) {
        return openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /** Connects to {@code host}:{@code port} with a reader limit of {@code limit} bytes. */
    public static Future<Connection> openConnection(String host, int port, int limit) {
        EventLoop loop = Weft.loop();
        StreamProtocol protocol = new StreamProtocol(loop, new StreamReader(loop, limit), null);
        return connected(loop, protocol,
                Endpoints.createConnection(loop, () -> protocol, host, port));
    }

    /**
     * Connects to {@code host}:{@code port} over TLS ({@code open_connection(..., ssl=...)}):
     * the future completes after the handshake, or fails with its
     * {@link javax.net.ssl.SSLHandshakeException} (see {@link Endpoints}). The writer's
     * transport is a {@link TlsTransport}.
     */
    public static Future<Connection> openConnection(String host, int port, TlsOptions tls) {
        EventLoop loop = Weft.loop();
        StreamProtocol protocol = new StreamProtocol(loop, new StreamReader(loop), null);
        return connected(loop, protocol,
                Endpoints.createConnection(loop, () -> protocol, host, port, tls));
    }

    /** Connects to the Unix domain socket at {@code path}. */
    public static Future<Connection> openUnixConnection(Path path) {
        EventLoop loop = Weft.loop();
        StreamProtocol protocol = new StreamProtocol(loop, new StreamReader(loop), null);
        return connected(loop, protocol,
                Endpoints.createUnixConnection(loop, () -> protocol, path));
    }

    private static Future<Connection> connected(EventLoop loop, StreamProtocol protocol,
            Future<Transport> connecting) {
        // Cancelling the connection future cancels the connect in the same call, which closes
        // its socket at once (see Connector): a timeout leaves no socket behind.
        Future<Connection> result = new CancelHookFuture<>(loop, () -> connecting.cancel());
        connecting.addDoneCallback(f -> {
            if (result.done()) {
                // The caller gave up after the connect ended but before this callback ran.
                if (!f.cancelled() && f.exception() == null) {
                    f.result().abort();
                }
            } else if (f.cancelled()) {
                result.cancel();
            } else if (f.exception() != null) {
                result.setException(f.exception());
            } else {
                result.setResult(new Connection(protocol.reader(), protocol.writer()));
            }
        });
        return result;
    }

    /**
     * Starts a server on {@code host}:{@code port} (0: any free port) that runs
     * {@code handler} as a new task for each client.
     */
    public static Future<Server> startServer(StreamHandler handler, String host, int port) {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT, ServerOptions.defaults());
    }

    /** Starts a server with a reader limit of {@code limit} bytes and {@code options}. */
    public static Future<Server> startServer(StreamHandler handler, String host, int port,
            int limit, ServerOptions options) {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Weft.loop();
        return Endpoints.createServer(loop,
                () -> new StreamProtocol(loop, new StreamReader(loop, limit), handler),
                host, port, options);
    }

    /**
     * Starts a TLS server ({@code start_server(..., ssl=...)}): each client's handler starts once
     * its handshake is done; see {@link Endpoints}.
     *
     * @throws IllegalArgumentException if {@code tls} has no {@link javax.net.ssl.SSLContext}
     */
    public static Future<Server> startServer(StreamHandler handler, String host, int port,
            TlsOptions tls) {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT,
                ServerOptions.defaults(), tls);
    }

    /** A TLS server with a reader limit of {@code limit} bytes and {@code options}. */
    public static Future<Server> startServer(StreamHandler handler, String host, int port,
            int limit, ServerOptions options, TlsOptions tls) {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Weft.loop();
        return Endpoints.createServer(loop, () -> new StreamProtocol(loop,
                new StreamReader(loop, limit), handler), host, port, options, tls);
    }

    /** Starts a server on the Unix domain socket {@code path}; see {@link #startServer}. */
    public static Future<Server> startUnixServer(StreamHandler handler, Path path) {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = Weft.loop();
        return Endpoints.createUnixServer(loop,
                () -> new StreamProtocol(loop, new StreamReader(loop), handler), path);
    }

    /**
     * A stream pair over a transport made elsewhere (asyncio's {@code StreamReaderProtocol} on
     * {@code connect_read_pipe}/{@code connect_write_pipe}): {@code makeTransport} receives the
     * protocol the transport must deliver to (received bytes through
     * {@link BufferedProtocol#getBuffer}/{@link BufferedProtocol#bufferUpdated}, then EOF, loss
     * and write flow control) and returns the transport, which is then connected. The reader
     * pauses and resumes the transport as its limit says; the writer's {@code drain()} follows
     * the transport's {@code pauseWriting}/{@code resumeWriting}. Used for subprocess pipes.
     *
     * <p>Threading: the loop thread of a running loop, {@code reader}'s. Null policy: no
     * argument may be null, nor may {@code makeTransport} return null.
     */
    public static Connection connect(StreamReader reader,
            Function<BufferedProtocol, Transport> makeTransport) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(makeTransport, "makeTransport");
        StreamProtocol protocol = new StreamProtocol(Weft.loop(), reader, null);
        Transport transport = Objects.requireNonNull(makeTransport.apply(protocol), "transport");
        protocol.connectionMade(transport);
        return new Connection(reader, protocol.writer());
    }
}
