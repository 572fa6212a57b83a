package dev.weft.net;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sets up a {@link GroupServer}: binds the listening socket(s) and makes one {@link Server} per
 * loop, in the {@link AcceptMode} asked for.
 *
 * <p>{@code REUSE_PORT}: the first loop binds first (so port 0 picks a free port), then every
 * other loop binds that port, all with {@code SO_REUSEPORT}. {@code SINGLE_ACCEPTOR}: the first
 * loop binds as usual; each other loop gets a {@link Server} with no socket, and the first's
 * accepted connections are routed to them by an {@link AcceptRouter}. If any step fails, the
 * servers already made are closed and the future fails with the first step's error (a
 * {@link java.net.BindException} naming the address, as for one loop).
 *
 * <p>Threading: {@link #bind} may be called from any thread, a group loop's included (it never
 * blocks); each step runs on the loop it concerns.
 */
final class GroupBinder {
    private final List<GroupLoop> loops;
    /** The protocol factory of each loop's server, given that loop. */
    private final Function<GroupLoop, Supplier<? extends Protocol>> factories;
    private final String host;
    private final ServerOptions options;

    GroupBinder(List<GroupLoop> loops, Function<GroupLoop, Supplier<? extends Protocol>> factories,
            String host, ServerOptions options) {
        this.loops = loops;
        this.factories = factories;
        this.host = host;
        this.options = options;
    }

    CompletableFuture<GroupServer> bind(int port, AcceptMode mode) {
        AcceptMode actual = mode.resolve();
        ServerOptions first = actual == AcceptMode.REUSE_PORT ? options.withReusePort(true) : options;
        return listen(loops.get(0), port, first).thenCompose(s0 -> {
            CompletableFuture<List<Server>> rest = actual == AcceptMode.REUSE_PORT
                    ? allBound(s0, first)
                    : allRouted(s0);
            return rest.thenApply(servers -> new GroupServer(loops, servers, s0.addresses(),
                    s0.port(), actual));
        });
    }

    private CompletableFuture<Server> listen(GroupLoop loop, int port, ServerOptions opts) {
        Supplier<? extends Protocol> factory = factories.apply(loop);
        return loop.call(() -> Endpoints.createServer(loop.loop(), factory, host, port, opts));
    }

    /** Binds the first server's port on every other loop too. */
    private CompletableFuture<List<Server>> allBound(Server s0, ServerOptions opts) {
        int port = s0.port();
        List<CompletableFuture<Server>> each = new ArrayList<>(loops.size());
        each.add(CompletableFuture.completedFuture(s0));
        for (int i = 1; i < loops.size(); i++) {
            each.add(listen(loops.get(i), port, opts));
        }
        return collect(each);
    }

    /** Gives every other loop a socket-less server and routes the first's connections to them. */
    private CompletableFuture<List<Server>> allRouted(Server s0) {
        List<CompletableFuture<Server>> each = new ArrayList<>(loops.size());
        each.add(CompletableFuture.completedFuture(s0));
        for (int i = 1; i < loops.size(); i++) {
            GroupLoop loop = loops.get(i);
            Supplier<? extends Protocol> factory = factories.apply(loop);
            each.add(loop.call(() -> {
                dev.weft.Future<Server> f = loop.loop().createFuture();
                f.setResult(new Server(loop.loop(), factory, List.of(), options, () -> { }));
                return f;
            }));
        }
        return collect(each).thenCompose(servers -> loops.get(0).call(() -> {
            s0.routeAccepted(new AcceptRouter(servers));
            dev.weft.Future<List<Server>> f = s0.getLoop().createFuture();
            f.setResult(servers);
            return f;
        }));
    }

    /** All of {@code each}, in order; if one fails, the others are closed on their loops. */
    private CompletableFuture<List<Server>> collect(List<CompletableFuture<Server>> each) {
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                .handle((ignored, error) -> {
                    List<Server> servers = new ArrayList<>(each.size());
                    for (CompletableFuture<Server> f : each) {
                        servers.add(f.isCompletedExceptionally() ? null : f.join());
                    }
                    if (error == null) {
                        return CompletableFuture.completedFuture(servers);
                    }
                    for (int i = 0; i < servers.size(); i++) {
                        Server s = servers.get(i);
                        if (s != null) {
                            loops.get(i).post(s::close);
                        }
                    }
                    return CompletableFuture.<List<Server>>failedFuture(unwrap(error));
                }).thenCompose(f -> f);
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The round-robin hand-off of a {@link AcceptMode#SINGLE_ACCEPTOR} group server: the acceptor's
     * {@link Server} offers it each connection; every n-th one stays on the acceptor's loop, the
     * others go to the listener-less {@link Server} of the loop whose turn it is.
     *
     * <p>Threading: {@link #test} runs on the acceptor's loop thread; the connection is set up on
     * the target loop's thread, posted there with {@code callSoonThreadsafe}, the only way into
     * another loop. A connection whose target has stopped serving (the group is shutting down) or
     * whose loop is closed is closed at once, so nothing leaks.
     */
    private static final class AcceptRouter implements Predicate<SocketChannel> {
        /** The group's servers, one per loop; index 0 is the acceptor itself. */
        private final List<Server> servers;
        private int turn;

        AcceptRouter(List<Server> servers) {
            this.servers = servers;
        }

        @Override
        public boolean test(SocketChannel client) {
            int index = turn;
            turn = (turn + 1) % servers.size();
            if (index == 0) {
                return false; // the acceptor's own turn: it sets the connection up itself
            }
            Server target = servers.get(index);
            try {
                target.getLoop().callSoonThreadsafe(() -> {
                    if (target.isServing()) {
                        target.accepted(client);
                    } else {
                        closeQuietly(client);
                    }
                });
            } catch (IllegalStateException loopClosed) {
                closeQuietly(client);
            }
            return true;
        }

        private static void closeQuietly(SocketChannel client) {
            try {
                client.close();
            } catch (IOException ignored) {
                // a connection refused during shutdown: nothing more to do for it
            }
        }
    }
}
