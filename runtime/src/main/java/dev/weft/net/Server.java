package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.LoopAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A listening server: asyncio's {@code Server}, made by {@link Endpoints#createServer},
 * {@link Endpoints#createUnixServer} or {@code Streams.startServer}.
 *
 * <p>A server serves from its creation: each accepted connection gets a new protocol from the
 * factory and a transport. {@link #close()} stops listening and leaves the open connections
 * alone; {@link #closeClients()} or {@link #abortClients()} end them too. {@link #waitClosed()}
 * completes once the server is closed <em>and</em> its last connection is gone (Python 3.12's
 * semantics, so a graceful shutdown can wait for its clients). A server is
 * {@link AutoCloseable}, for try-with-resources.
 *
 * <p>Threading: every method must be called on the server's loop thread. Null policy: no method
 * takes or returns null.
 */
public final class Server implements AutoCloseable {
    private final EventLoop loop;
    private final LoopAccess bridge = LoopAccess.get();
    private final Supplier<? extends Protocol> protocolFactory;
    private final List<Listener> listeners = new ArrayList<>();
    private final Set<SocketTransport> connections =
            Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Future<Void>> closeWaiters = new ArrayList<>(1);
    private final Runnable onClose;
    /** SO_SNDBUF for each accepted connection, or 0 for the system's default. */
    private final int sendBufferSize;
    private Future<Void> servingForever;
    private boolean closed;
    /** A {@link LoopGroup}'s single acceptor: takes a connection to another loop, or says no. */
    private Predicate<SocketChannel> router;

    /**
     * Starts serving on {@code channels}, already bound and non-blocking.
     *
     * @param onClose runs once when the server closes (a Unix server removes its socket file)
     */
    Server(EventLoop loop, Supplier<? extends Protocol> protocolFactory,
            List<ServerSocketChannel> channels, ServerOptions options, Runnable onClose) {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.onClose = onClose;
        this.sendBufferSize = options.sendBufferSize();
        for (ServerSocketChannel channel : channels) {
            listeners.add(new Listener(loop, this, channel, options.backlog()));
        }
    }

    /** Sets up a connection a listener accepted: a protocol from the factory, a transport. */
    void accepted(SocketChannel client) {
        if (router != null && router.test(client)) {
            return; // handed to another loop of the group, which sets it up there
        }
        Protocol protocol;
        try {
            client.configureBlocking(false);
            if (client.getLocalAddress() instanceof InetSocketAddress) {
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            if (sendBufferSize > 0) {
                client.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
            }
            protocol = protocolFactory.get();
            connections.add(new SocketTransport(loop, client, protocol, this, null));
        } catch (IOException | RuntimeException e) {
            bridge.reportException(loop, "Error setting up an accepted connection on " + this, e);
            closeQuietly(client);
        }
    }

    /** Offers each accepted connection to {@code router} first (a LoopGroup's acceptor). */
    void routeAccepted(Predicate<SocketChannel> router) {
        this.router = router;
    }

    /** Forgets a connection whose {@code connectionLost} is being delivered. */
    void detach(SocketTransport transport) {
        connections.remove(transport);
        if (closed && connections.isEmpty()) {
            wakeCloseWaiters();
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing more can be done for a connection that failed to set up
        }
    }

    /** The loop the server runs on. */
    public EventLoop getLoop() {
        return loop;
    }

    /** Whether the server is listening: true from creation until {@link #close()}. */
    public boolean isServing() {
        return !closed;
    }

    /** The addresses the server listens on (empty once closed). */
    public List<SocketAddress> addresses() {
        List<SocketAddress> out = new ArrayList<>(listeners.size());
        for (Listener l : listeners) {
            out.add(l.address());
        }
        return out;
    }

    /**
     * The TCP port of the first listening socket — handy after binding port 0.
     *
     * @throws IllegalStateException for a Unix-socket server or a closed one
     */
    public int port() {
        for (Listener l : listeners) {
            if (l.address() instanceof InetSocketAddress) {
                return ((InetSocketAddress) l.address()).getPort();
            }
        }
        throw new IllegalStateException("this server has no TCP listening socket: " + this);
    }

    /** The number of open connections this server accepted. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Stops listening and closes the listening sockets; open connections are left alone. A
     * pending {@link #serveForever()} future is cancelled. Idempotent.
     */
    @Override
    public void close() {
        bridge.checkThread(loop);
        if (closed) {
            return;
        }
        closed = true;
        for (Listener l : listeners) {
            l.close();
        }
        listeners.clear();
        onClose.run();
        if (servingForever != null) {
            servingForever.cancel();
        }
        if (connections.isEmpty()) {
            wakeCloseWaiters();
        }
    }

    /**
     * Closes every open connection gracefully: each flushes its buffer first, and a TLS
     * connection sends {@code close_notify} and waits for the peer's, at most its
     * {@link TlsOptions#withShutdownTimeout shutdown timeout}, before its socket closes (one
     * still handshaking is closed at once). asyncio's {@code close_clients} closes the sockets
     * under TLS without {@code close_notify}, so the peer cannot tell the end from a
     * truncation; weft does not copy that.
     */
    public void closeClients() {
        bridge.checkThread(loop);
        for (SocketTransport t : new ArrayList<>(connections)) {
            Protocol p = t.getProtocol();
            if (p instanceof SslLayer && ((SslLayer) p).closeGracefully()) {
                continue; // close_notify sent; the socket closes when the peer answers
            }
            t.closeGracefully();
        }
    }

    /** Aborts every open connection at once, dropping what they had buffered. */
    public void abortClients() {
        bridge.checkThread(loop);
        for (SocketTransport t : new ArrayList<>(connections)) {
            t.forceClose(null);
        }
    }

    /**
     * A future completed once the server is closed and its last connection is gone; already
     * complete when that is so. Each call returns its own future, so cancelling one does not
     * affect other waiters.
     */
    public Future<Void> waitClosed() {
        bridge.checkThread(loop);
        Future<Void> f = loop.createFuture();
        if (closed && connections.isEmpty()) {
            f.setResult(null);
        } else {
            closeWaiters.add(f);
        }
        return f;
    }

    private void wakeCloseWaiters() {
        for (Future<Void> f : closeWaiters) {
            if (!f.done()) {
                f.setResult(null);
            }
        }
        closeWaiters.clear();
    }

    /**
     * A future that never completes normally: it is cancelled when the server is closed, and
     * cancelling it closes the server (asyncio's {@code serve_forever}). Await it to serve until
     * the awaiting task is cancelled.
     *
     * @throws IllegalStateException if the server is closed or already serving forever
     */
    public Future<Void> serveForever() {
        bridge.checkThread(loop);
        if (closed) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        if (servingForever != null && !servingForever.done()) {
            throw new IllegalStateException("server " + this + " is already being awaited on "
                    + "serveForever()");
        }
        Future<Void> f = loop.createFuture();
        servingForever = f;
        f.addDoneCallback(done -> close());
        return f;
    }

    @Override
    public String toString() {
        return "<Server " + (closed ? "closed" : "sockets=" + addresses()) + " connections="
                + connections.size() + ">";
    }

    /**
     * One listening socket of a {@link Server}: accepts connections when its key is ready and hands
     * each to the server.
     *
     * <p>On each readiness it accepts up to {@code backlog} connections, as asyncio does, but never
     * more than {@value #MAX_ACCEPTS_PER_EVENT}. Every connection accepted on one event gets its
     * {@code connectionMade} (on a stream server, its client handler's first step) in the same ready
     * batch, with no timer and no other socket served in between; with a backlog of 1,000 and a
     * handler that writes to every client (a chat server's join notice), that one batch was hundreds
     * of thousands of socket writes and held the loop for seconds. The connections still in the
     * kernel's queue keep the socket ready, so the next iteration accepts the next group. When
     * accepting fails for lack of
     * resources (for example too many open files) the error is reported through the loop's exception
     * handler and accepting pauses for {@value #RETRY_DELAY_MILLIS} ms instead of spinning on a
     * socket that stays ready; the connections already open are unaffected.
     *
     * <p>Threading: loop thread only.
     */
    static final class Listener implements Consumer<SelectionKey> {
        private static final long RETRY_DELAY_MILLIS = 1000;
        /** The most connections accepted on one readiness event, whatever the backlog. */
        static final int MAX_ACCEPTS_PER_EVENT = 32;

        private final EventLoop loop;
        private final Server server;
        private final ServerSocketChannel channel;
        private final SocketAddress address;
        /** How many connections one readiness event accepts at most. */
        private final int acceptsPerEvent;
        private final SelectionKey key;

        Listener(EventLoop loop, Server server, ServerSocketChannel channel, int backlog) {
            this.loop = loop;
            this.server = server;
            this.channel = channel;
            this.acceptsPerEvent = Math.min(backlog, MAX_ACCEPTS_PER_EVENT);
            try {
                this.address = channel.getLocalAddress();
                this.key = LoopAccess.get().register(loop, channel, SelectionKey.OP_ACCEPT, this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot register the listening socket " + channel, e);
            }
        }

        /** The address the socket is bound to. */
        SocketAddress address() {
            return address;
        }

        @Override
        public void accept(SelectionKey k) {
            for (int i = 0; i < acceptsPerEvent; i++) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (IOException e) {
                    pauseAfter(e);
                    return;
                }
                if (client == null) {
                    return;
                }
                server.accepted(client);
            }
        }

        private void pauseAfter(IOException e) {
            if (!channel.isOpen()) {
                return;
            }
            LoopAccess.get().reportException(loop, "Socket accept failed on " + address
                    + "; accepting again in " + RETRY_DELAY_MILLIS + " ms", e);
            key.interestOps(0);
            loop.callLater(RETRY_DELAY_MILLIS, () -> {
                if (key.isValid()) {
                    key.interestOps(SelectionKey.OP_ACCEPT);
                }
            });
        }

        /** Stops listening and closes the socket; the accepted connections stay open. */
        void close() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                LoopAccess.get().reportException(loop, "Error closing listening socket " + address, e);
            }
        }
    }
}
