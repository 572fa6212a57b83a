package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.LoopAccess;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The networking entry point of the protocol layer: asyncio's {@code loop.create_connection},
 * {@code loop.create_server}, {@code loop.create_unix_connection}, {@code loop.create_unix_server}
 * and {@code loop.create_datagram_endpoint}, each taking the loop as its first argument. Every
 * method returns a future of that loop which completes once the endpoint is set up — its
 * protocol's {@code connectionMade} has run for a connection — or fails with the reason. The
 * stream layer on top of these is {@link Streams}.
 *
 * <p>Why these are not methods of {@code EventLoop}, as they are of asyncio's loop: the core
 * package {@code dev.weft} must not depend on networking (networking depends on the core, never
 * the reverse), so a program that only schedules coroutines loads no socket code, and a Java
 * reader finds each dependency pointing one way. {@code Endpoints.createConnection(loop, ...)}
 * reads as {@code loop.create_connection(...)} does.
 *
 * <pre>{@code
 * EventLoop loop = Weft.loop();
 * Server server = Weft.await(Endpoints.createServer(loop, EchoProtocol::new, "127.0.0.1", 0));
 * Transport t = Weft.await(Endpoints.createConnection(loop, ClientProtocol::new,
 *         "127.0.0.1", server.port()));
 * }</pre>
 *
 * <p>Errors, delivered through the future: a refused connection is a
 * {@link java.net.ConnectException}, an unknown host an {@link java.net.UnknownHostException},
 * an address that cannot be bound a {@link java.net.BindException} naming the address and why —
 * in use, not an address of this host, or a privileged port. Host names are resolved off the
 * loop thread ({@code Resolver}); literal addresses are used at once. The TLS forms (a
 * {@link TlsOptions} argument, asyncio's {@code ssl=}) complete after the handshake; what they
 * report is described on {@link #createConnection(EventLoop, Supplier, String, int, TlsOptions)}.
 *
 * <p>Threading: loop thread only (an {@link IllegalStateException} otherwise). Null policy:
 * the loop, factories, paths and options must not be null; a null host means loopback for a
 * client and all interfaces for a server.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * Opens a TCP connection to {@code host}:{@code port} (asyncio's {@code create_connection}):
     * resolves the name off the loop thread, connects, makes a protocol with
     * {@code protocolFactory} and a {@link Transport} for it. The future completes with the
     * transport once the protocol's {@code connectionMade} has run; the protocol is
     * {@code transport.getProtocol()}. Cancelling the future closes the socket at once.
     *
     * @param host a host name, a literal address, or null for the loopback address
     * @param port 1..65535
     * @return a future failing with {@link java.net.ConnectException} (refused),
     *     {@link java.net.UnknownHostException} or another {@link IOException}
     */
    public static Future<Transport> createConnection(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        LoopAccess.get().checkThread(loop);
        checkPort(port, false);
        Connector connector = new Connector(loop, protocolFactory);
        Future<Transport> result = connector.result();
        Resolver.resolve(loop, host, false).addDoneCallback(f -> {
            if (result.done()) {
                return;
            }
            Throwable error = f.exception();
            if (error != null) {
                result.setException(error);
                return;
            }
            List<SocketAddress> candidates = new ArrayList<>();
            for (InetAddress a : new LinkedHashSet<>(f.result())) {
                candidates.add(new InetSocketAddress(a, port));
            }
            connector.connect(candidates);
        });
        return result;
    }

    /**
     * Opens a TLS connection ({@code create_connection(..., ssl=...)}): the future completes
     * with a {@link TlsTransport} once the TCP connection is made <em>and</em> the handshake has
     * finished, or fails with the connect error or an {@link javax.net.ssl.SSLHandshakeException}
     * saying why the handshake failed (an untrusted certificate, a certificate for another host
     * name, no common ALPN protocol or cipher, the peer closing or not finishing within the
     * handshake timeout). Cancelling it closes the socket at once, connecting or handshaking.
     */
    public static Future<Transport> createConnection(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port,
            TlsOptions tls) {
        return TlsEndpoints.createConnection(loop, protocolFactory, host, port, tls);
    }

    /**
     * Upgrades an open connection to TLS: asyncio's {@code loop.start_tls(transport, protocol,
     * sslcontext, server_side=..., server_hostname=..., ssl_handshake_timeout=...)}, with the
     * context, server name and timeouts in {@code tls}. From this call on, bytes that arrive on
     * {@code transport} go to the TLS handshake, not to {@code protocol}; the future completes
     * once the handshake is done with the {@link TlsTransport} that {@code protocol} must write
     * to from then on (its decrypted input reaches {@code protocol}'s {@code dataReceived} or
     * {@code bufferUpdated}, which may happen before the awaiting coroutine resumes). The old
     * transport must not be used any more. {@code protocol}'s {@code connectionMade} is not
     * called again. A transport that is already TLS is upgraded again (TLS in TLS), as in
     * asyncio.
     *
     * <p>Both sides of the connection must agree to upgrade at the same point of their
     * exchange (STARTTLS): the client sends its hello at once, the server waits for it. Bytes
     * the protocol had received before the call stay with it.
     *
     * <p>Errors: a bad argument throws at once and leaves the connection as it was (asyncio's
     * {@code TypeError}/{@code ValueError}). The future fails with a {@link java.net.SocketException}
     * "Connection lost" if {@code transport} is closing already (asyncio's
     * {@code ConnectionResetError}), or with an {@link javax.net.ssl.SSLHandshakeException} when
     * the handshake fails or times out; the connection is then closed and {@code protocol}
     * gets {@code connectionLost} with that error — asyncio does not call it, which leaves a
     * stream reader waiting forever. Cancelling the future aborts the connection.
     *
     * @param loop the transport's loop; this must be called on its thread
     * @param serverSide whether this end is the TLS server (asyncio's {@code server_side})
     * @throws IllegalArgumentException if {@code transport} cannot be upgraded (it is not a
     *     TCP, Unix-socket or TLS connection of weft: a pipe or a transport of your own), belongs
     *     to another loop, or if, for a server, {@code tls} has no
     *     {@link javax.net.ssl.SSLContext}, or, for a client that verifies the host name (the
     *     default), no {@linkplain TlsOptions#withServerName server name}: unlike a new
     *     connection, an upgraded one has no host name to verify against (asyncio's start_tls
     *     never completes in that case)
     * @throws IllegalStateException when not called on {@code loop}'s thread
     */
    public static Future<TlsTransport> startTls(EventLoop loop, Transport transport,
            Protocol protocol, TlsOptions tls, boolean serverSide) {
        return TlsEndpoints.startTls(loop, transport, protocol, tls, serverSide);
    }

    /** Connects to the Unix domain socket at {@code path}; otherwise as a TCP connection. */
    public static Future<Transport> createUnixConnection(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, Path path) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        LoopAccess.get().checkThread(loop);
        Connector connector = new Connector(loop, protocolFactory);
        connector.connect(List.of(UnixDomainSocketAddress.of(path)));
        return connector.result();
    }

    /**
     * Starts a TCP server on {@code host}:{@code port} with default {@link ServerOptions}
     * (asyncio's {@code create_server}): every accepted connection gets a new protocol from
     * {@code protocolFactory}.
     *
     * @param host a host name (every address it resolves to is bound), a literal address, or
     *     null for all interfaces
     * @param port the port, or 0 for any free one ({@link Server#port()})
     * @return a future of the serving server, failing with {@link java.net.BindException} when
     *     the port is in use
     */
    public static Future<Server> createServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port) {
        return createServer(loop, protocolFactory, host, port, ServerOptions.defaults());
    }

    /**
     * Starts a TLS server ({@code create_server(..., ssl=...)}): each accepted connection
     * handshakes before its protocol sees it; a handshake that fails (a client that sends
     * plaintext, distrusts the certificate or stalls) is reported to the loop's exception handler
     * and its socket closed, and the server goes on serving.
     *
     * @throws IllegalArgumentException if {@code tls} has no {@link javax.net.ssl.SSLContext}
     *     (a server needs one holding its certificate)
     */
    public static Future<Server> createServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port,
            ServerOptions options, TlsOptions tls) {
        return TlsEndpoints.createServer(loop, protocolFactory, host, port, options, tls);
    }

    /** Starts a TCP server with {@code options} (backlog, address and port reuse, buffers). */
    public static Future<Server> createServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port,
            ServerOptions options) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        LoopAccess.get().checkThread(loop);
        checkPort(port, true);
        Future<Server> result = loop.createFuture();
        if (host == null || host.isEmpty()) {
            // The wildcard of a dual-stack socket: one listener for IPv4 and IPv6 alike.
            bind(loop, protocolFactory, List.of(new InetSocketAddress(port)), options, result);
            return result;
        }
        Resolver.resolve(loop, host, true).addDoneCallback(f -> {
            if (result.done()) {
                return;
            }
            if (f.exception() != null) {
                result.setException(f.exception());
                return;
            }
            List<SocketAddress> addresses = new ArrayList<>();
            for (InetAddress a : new LinkedHashSet<>(f.result())) {
                addresses.add(new InetSocketAddress(a, port));
            }
            bind(loop, protocolFactory, addresses, options, result);
        });
        return result;
    }

    /**
     * Starts a server on the Unix domain socket {@code path} with default {@link ServerOptions},
     * replacing a stale socket file; the file is removed when the server closes.
     */
    public static Future<Server> createUnixServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, Path path) {
        return createUnixServer(loop, protocolFactory, path, ServerOptions.defaults());
    }

    /** Starts a server on the Unix domain socket {@code path} with {@code options}. */
    public static Future<Server> createUnixServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, Path path, ServerOptions options) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        LoopAccess.get().checkThread(loop);
        Future<Server> result = loop.createFuture();
        UnixSocketFiles.removeStaleSocket(path);
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(path), options.backlog());
            ch.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            closeAll(ch == null ? List.of() : List.of(ch));
            result.setException(BindErrors.explain(e, path));
            return result;
        }
        result.setResult(new Server(loop, protocolFactory, List.of(ch), options,
                () -> deleteQuietly(path)));
        return result;
    }

    private static void bind(EventLoop loop, Supplier<? extends Protocol> protocolFactory,
            List<SocketAddress> addresses, ServerOptions options, Future<Server> result) {
        List<ServerSocketChannel> bound = new ArrayList<>(addresses.size());
        for (SocketAddress address : addresses) {
            try {
                ServerSocketChannel ch = openServerChannel(address);
                bound.add(ch);
                configure(ch, options);
                ch.bind(address, options.backlog());
                ch.configureBlocking(false);
            } catch (IOException | RuntimeException e) {
                closeAll(bound);
                result.setException(BindErrors.explain(e, address));
                return;
            }
        }
        result.setResult(new Server(loop, protocolFactory, bound, options, () -> { }));
    }

    private static ServerSocketChannel openServerChannel(SocketAddress address)
            throws IOException {
        InetAddress ip = ((InetSocketAddress) address).getAddress();
        if (ip.isAnyLocalAddress()) {
            return ServerSocketChannel.open();
        }
        return ServerSocketChannel.open(ip instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    }

    private static void configure(NetworkChannel ch, ServerOptions options) throws IOException {
        reuse(ch, options.reuseAddress(), options.reusePort(), "ServerOptions");
        // SO_RCVBUF before listen(), so the accepted connections' windows are sized by it; a
        // listening socket has no SO_SNDBUF: the Server sets that on each accepted connection.
        bufferSizes(ch, options.receiveBufferSize(), 0);
    }

    /** Sets address and port reuse, the options servers and UDP endpoints share. */
    private static void reuse(NetworkChannel ch, boolean address, boolean port, String optionsClass)
            throws IOException {
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, address);
        if (port) {
            if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this "
                        + "platform: open the socket without " + optionsClass
                        + ".withReusePort(true)");
            }
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
    }

    /** Sets {@code SO_RCVBUF} and {@code SO_SNDBUF} where asked for (0: the system's default). */
    private static void bufferSizes(NetworkChannel ch, int receive, int send) throws IOException {
        if (receive > 0) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, receive);
        }
        if (send > 0) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, send);
        }
    }

    /**
     * Opens a UDP endpoint (asyncio's {@code create_datagram_endpoint}) with default
     * {@link DatagramOptions}, bound to {@code localAddress} and/or connected to
     * {@code remoteAddress}; either may be null, not both. An address made with
     * {@link InetSocketAddress#createUnresolved} is resolved off the loop thread.
     *
     * @throws IllegalArgumentException if both addresses are null
     */
    public static Future<DatagramTransport> createDatagramEndpoint(EventLoop loop,
            Supplier<? extends DatagramProtocol> protocolFactory, SocketAddress localAddress,
            SocketAddress remoteAddress) {
        return createDatagramEndpoint(loop, protocolFactory, localAddress, remoteAddress,
                DatagramOptions.defaults());
    }

    /**
     * Opens a UDP endpoint with socket {@code options} (buffer sizes, broadcast, address and port
     * reuse), set before the socket is bound; otherwise as the form without options.
     */
    public static Future<DatagramTransport> createDatagramEndpoint(EventLoop loop,
            Supplier<? extends DatagramProtocol> protocolFactory, SocketAddress localAddress,
            SocketAddress remoteAddress, DatagramOptions options) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        LoopAccess.get().checkThread(loop);
        if (localAddress == null && remoteAddress == null) {
            throw new IllegalArgumentException("a UDP endpoint needs a local address, a remote "
                    + "address, or both");
        }
        Future<DatagramTransport> result = loop.createFuture();
        resolved(loop, localAddress).addDoneCallback(local -> {
            resolved(loop, remoteAddress).addDoneCallback(remote -> {
                if (result.done()) {
                    return;
                }
                Throwable error = local.exception() != null ? local.exception() : remote.exception();
                if (error != null) {
                    result.setException(error);
                    return;
                }
                openDatagram(loop, protocolFactory, local.result(), remote.result(), options,
                        result);
            });
        });
        return result;
    }

    private static void openDatagram(EventLoop loop,
            Supplier<? extends DatagramProtocol> protocolFactory, SocketAddress local,
            SocketAddress remote, DatagramOptions options, Future<DatagramTransport> result) {
        InetAddress any = ((InetSocketAddress) (local != null ? local : remote)).getAddress();
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open(any instanceof Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.configureBlocking(false);
            configure(ch, options);
            if (local != null) {
                bindDatagram(ch, local);
            }
            if (remote != null) {
                ch.connect(remote);
            }
            new DatagramSocketTransport(loop, ch, protocolFactory.get(), result);
        } catch (IOException | RuntimeException e) {
            closeAll(ch == null ? List.of() : List.of(ch));
            result.setException(e);
        }
    }

    /** Binds {@code ch}; a failure is explained as a bind error ({@link BindErrors}). */
    private static void bindDatagram(DatagramChannel ch, SocketAddress local) throws IOException {
        try {
            ch.bind(local);
        } catch (IOException e) {
            throw (IOException) BindErrors.explain(e, local);
        }
    }

    /**
     * Sets {@code options} on an unbound UDP socket. Only what is asked for is set: a new UDP
     * socket has every flag off already (unlike a JDK server socket, whose
     * {@code SO_REUSEADDR} is on), and an IPv6 socket need not support broadcast at all.
     */
    private static void configure(DatagramChannel ch, DatagramOptions options)
            throws IOException {
        if (options.reuseAddress() || options.reusePort()) {
            reuse(ch, options.reuseAddress(), options.reusePort(), "DatagramOptions");
        }
        if (options.broadcast()) {
            ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
        }
        bufferSizes(ch, options.receiveBufferSize(), options.sendBufferSize());
    }

    /** {@code address} itself, or, if it is an unresolved name, its resolution off the loop. */
    private static Future<SocketAddress> resolved(EventLoop loop, SocketAddress address) {
        Future<SocketAddress> f = loop.createFuture();
        if (!(address instanceof InetSocketAddress)
                || !((InetSocketAddress) address).isUnresolved()) {
            f.setResult(address);
            return f;
        }
        InetSocketAddress name = (InetSocketAddress) address;
        Resolver.resolve(loop, name.getHostString(), false).addDoneCallback(r -> {
            if (r.exception() != null) {
                f.setException(r.exception());
            } else {
                f.setResult(new InetSocketAddress(r.result().get(0), name.getPort()));
            }
        });
        return f;
    }

    private static void closeAll(List<? extends NetworkChannel> channels) {
        for (NetworkChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing: the bind error is what the caller needs
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the socket is closed; a leftover file is removed by the next server's bind
        }
    }

    private static void checkPort(int port, boolean server) {
        if (port < (server ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port + " (use "
                    + (server ? "0..65535, 0 for any free port" : "1..65535") + ")");
        }
    }
}
