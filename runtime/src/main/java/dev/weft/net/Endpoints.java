package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.LoopBridge;
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
 * What {@code EventLoop.createConnection}, {@code createServer}, {@code createUnixConnection},
 * {@code createUnixServer} and {@code createDatagramEndpoint} do; call those. Every method
 * returns a future of the loop that completes once the endpoint is set up — its protocol's
 * {@code connectionMade} has run for a connection — or fails with the reason.
 *
 * <p>Errors, delivered through the future: a refused connection is a
 * {@link java.net.ConnectException}, an unknown host an {@link java.net.UnknownHostException},
 * an address that cannot be bound a {@link java.net.BindException} naming the address and why —
 * in use, not an address of this host, or a privileged port. Host names are resolved off the
 * loop thread ({@code Resolver}); literal addresses are used at once.
 *
 * <p>Threading: loop thread only. Null policy: factories must not be null; a null host means
 * loopback for a client and all interfaces for a server.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /** See {@code EventLoop.createConnection}. */
    public static Future<Transport> createConnection(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        LoopBridge.get().checkThread(loop);
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

    /** See {@code EventLoop.createUnixConnection}. */
    public static Future<Transport> createUnixConnection(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, Path path) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        LoopBridge.get().checkThread(loop);
        Connector connector = new Connector(loop, protocolFactory);
        connector.connect(List.of(UnixDomainSocketAddress.of(path)));
        return connector.result();
    }

    /** See {@code EventLoop.createServer}. */
    public static Future<Server> createServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port,
            ServerOptions options) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        LoopBridge.get().checkThread(loop);
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

    /** See {@code EventLoop.createUnixServer}. */
    public static Future<Server> createUnixServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, Path path, ServerOptions options) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        LoopBridge.get().checkThread(loop);
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

    /** See {@code EventLoop.createDatagramEndpoint}; default {@link DatagramOptions}. */
    public static Future<DatagramTransport> createDatagramEndpoint(EventLoop loop,
            Supplier<? extends DatagramProtocol> protocolFactory, SocketAddress localAddress,
            SocketAddress remoteAddress) {
        return createDatagramEndpoint(loop, protocolFactory, localAddress, remoteAddress,
                DatagramOptions.defaults());
    }

    /** See {@code EventLoop.createDatagramEndpoint} with {@link DatagramOptions}. */
    public static Future<DatagramTransport> createDatagramEndpoint(EventLoop loop,
            Supplier<? extends DatagramProtocol> protocolFactory, SocketAddress localAddress,
            SocketAddress remoteAddress, DatagramOptions options) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        LoopBridge.get().checkThread(loop);
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
