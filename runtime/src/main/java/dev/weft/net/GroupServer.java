package dev.weft.net;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A server of a {@link LoopGroup}: one port served from every loop of the group, as
 * {@link LoopGroup#startServer} and {@link LoopGroup#createServer} made it.
 *
 * <p>It is a set of ordinary {@link Server}s, one per loop ({@link #servers()}), each of which
 * sets up and serves the connections that reach its loop. With {@link AcceptMode#REUSE_PORT}
 * each has its own listening socket; with {@link AcceptMode#SINGLE_ACCEPTOR} only the first
 * listens and hands connections to the others.
 *
 * <p>Threading: {@link #port()}, {@link #addresses()}, {@link #mode()}, {@link #servers()},
 * {@link #isServing()}, {@link #close()} and {@link #waitClosed()} may be called from any thread;
 * each {@link Server} in {@link #servers()} must be used on its own loop's thread, as always.
 * Null policy: no method returns null.
 */
public final class GroupServer implements AutoCloseable {
    private final List<GroupLoop> loops;
    private final List<Server> servers;
    private final List<SocketAddress> addresses;
    private final int port;
    private final AcceptMode mode;
    private volatile boolean closed;

    GroupServer(List<GroupLoop> loops, List<Server> servers, List<SocketAddress> addresses,
            int port, AcceptMode mode) {
        this.loops = List.copyOf(loops);
        this.servers = List.copyOf(servers);
        this.addresses = List.copyOf(addresses);
        this.port = port;
        this.mode = mode;
    }

    /** The TCP port every loop serves. */
    public int port() {
        return port;
    }

    /** The addresses the listening sockets are bound to (of the first loop's server). */
    public List<SocketAddress> addresses() {
        return addresses;
    }

    /** How connections reach the loops: {@link AcceptMode#REUSE_PORT} or {@code SINGLE_ACCEPTOR}. */
    public AcceptMode mode() {
        return mode;
    }

    /** The per-loop servers, in the group's loop order; use each on its own loop's thread. */
    public List<Server> servers() {
        return servers;
    }

    /** Whether the server accepts connections: true until {@link #close()}. */
    public boolean isServing() {
        return !closed;
    }

    /**
     * Stops accepting on every loop (each per-loop server's {@link Server#close()}, posted to its
     * loop); open connections and their handlers are left alone. Returns at once; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            loops.get(i).post(s::close);
        }
    }

    /**
     * A future completed once every per-loop server is closed and its last connection is gone
     * ({@link Server#waitClosed()} on each loop); it completes on one of the group's threads,
     * and fails with {@link IllegalStateException} if the group's loops are closed already.
     */
    public CompletableFuture<Void> waitClosed() {
        List<CompletableFuture<Void>> each = new ArrayList<>(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            each.add(loops.get(i).call(s::waitClosed));
        }
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public String toString() {
        return "<GroupServer port=" + port + " loops=" + servers.size() + " mode=" + mode
                + (closed ? " closed" : "") + ">";
    }
}
