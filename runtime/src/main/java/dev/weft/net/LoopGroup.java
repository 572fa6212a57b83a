package dev.weft.net;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.internal.Sneaky;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A group of event loops, each on its own thread, created and closed together: a loop per core
 * for a server that outgrows one (Netty's {@code EventLoopGroup}; asyncio has no counterpart).
 *
 * <pre>{@code
 * try (LoopGroup group = LoopGroup.create()) {          // one loop per available processor
 *     GroupServer server = group.startServer(EchoServer::handle, "0.0.0.0", 8888).join();
 *     ...
 *     group.shutdown(Duration.ofSeconds(10));           // stop accepting, drain, close
 * }
 * }</pre>
 *
 * <p>{@link #startServer} and {@link #createServer} serve one port from every loop, each
 * connection on one loop for its whole life ({@link AcceptMode}). {@link #next()} picks a loop
 * for client work, in turn. {@link #run(Coroutine, Duration)} runs a main coroutine on the first
 * loop and shuts the group down when it ends; {@link #shutdown(Duration)} stops accepting, lets
 * the connections' handlers finish within a grace period, then cancels every task still pending,
 * aborts the connections still open, and closes the loops.
 *
 * <p><b>Threading contract.</b> The group's own methods may be called from any thread, and
 * {@code startServer}/{@code createServer} never block, so a coroutine on one of the loops can
 * await them; {@code run} and {@code shutdown} block, and refuse to run on a loop thread of the
 * group. Each loop is an ordinary single-threaded {@link EventLoop}: tasks, futures, servers and
 * the {@code dev.weft.sync} and {@code dev.weft.queue} primitives belong to one loop, and using
 * them from another loop fails with an {@link IllegalStateException} naming both. Work crosses
 * loops only through {@link EventLoop#callSoonThreadsafe} and
 * {@link Weft#runCoroutineThreadsafe}. A handler's failure is reported through its loop's
 * exception handler and ends only its own connection; the other loops keep serving.
 *
 * <p>The loop threads are daemon threads named {@code weft-group-<n>-loop-<i>}, so a group left
 * open does not keep the JVM alive; {@link #close()} (try-with-resources) is
 * {@code shutdown(Duration.ZERO)}. Null policy: no argument may be null, except a null host,
 * which means all interfaces as for {@link Streams#startServer}.
 */
public final class LoopGroup implements AutoCloseable {
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final List<GroupLoop> loops;
    private final List<EventLoop> eventLoops;
    private final List<GroupServer> servers = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final String name;
    private volatile boolean shutDown;

    private LoopGroup(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a LoopGroup needs at least 1 loop, got " + size
                    + ": use LoopGroup.create() for one per available processor");
        }
        name = "weft-group-" + GROUPS.incrementAndGet();
        List<GroupLoop> made = new ArrayList<>(size);
        List<EventLoop> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            GroupLoop loop = new GroupLoop(name + "-loop-" + i);
            made.add(loop);
            events.add(loop.loop());
        }
        loops = List.copyOf(made);
        eventLoops = List.copyOf(events);
        for (GroupLoop loop : loops) {
            loop.start();
        }
    }

    /** A group of one loop per available processor ({@code Runtime.availableProcessors()}). */
    public static LoopGroup create() {
        return new LoopGroup(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A group of {@code size} loops, each running on its own thread when this returns.
     *
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static LoopGroup create(int size) {
        return new LoopGroup(size);
    }

    /** The number of loops. */
    public int size() {
        return loops.size();
    }

    /** The group's loops, in order; the first also runs {@link #run}'s main coroutine. */
    public List<EventLoop> loops() {
        return eventLoops;
    }

    /**
     * The loop whose turn it is (round-robin), for client work: hand it a coroutine with
     * {@link Weft#runCoroutineThreadsafe(Coroutine, EventLoop)}.
     *
     * @throws IllegalStateException if the group is shut down
     */
    public EventLoop next() {
        checkOpen("next");
        return eventLoops.get(Math.floorMod(turn.getAndIncrement(), eventLoops.size()));
    }

    /** Whether {@link #shutdown} or {@link #close} was called. */
    public boolean isShutDown() {
        return shutDown;
    }

    /**
     * Starts a stream server on {@code host}:{@code port} (0: any free port) served by every loop,
     * running {@code handler} as a task on the loop that got the client; see
     * {@link Streams#startServer}. {@link AcceptMode#AUTO}, the default reader limit, default
     * {@link ServerOptions}.
     *
     * @return a future completed, on a group thread, once every loop serves, or failed as
     *     {@link Streams#startServer} fails (a {@link java.net.BindException} naming the address)
     * @throws IllegalStateException if the group is shut down
     */
    public CompletableFuture<GroupServer> startServer(StreamHandler handler, String host, int port) {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(),
                AcceptMode.AUTO);
    }

    /**
     * {@link #startServer(StreamHandler, String, int)} with a reader limit, socket options and an
     * accept mode ({@link AcceptMode#SINGLE_ACCEPTOR} forces the round-robin acceptor).
     *
     * @throws IllegalStateException if the group is shut down
     * @throws IllegalArgumentException if the port is out of range
     */
    public CompletableFuture<GroupServer> startServer(StreamHandler handler, String host, int port,
            int limit, ServerOptions options, AcceptMode mode) {
        Objects.requireNonNull(handler, "handler");
        return serve(loop -> () -> new StreamProtocol(loop.loop(),
                new StreamReader(loop.loop(), limit), handler), host, port, options, mode,
                "startServer");
    }

    /**
     * A TLS stream server on {@code host}:{@code port} served by every loop: each loop
     * terminates TLS for the connections it gets (its own {@link javax.net.ssl.SSLEngine} per
     * connection, from the one shared, thread-safe {@link javax.net.ssl.SSLContext}), and
     * runs {@code handler} once the handshake is done; see
     * {@link Streams#startServer(StreamHandler, String, int, TlsOptions)}. A connection that
     * ends gracefully (its handler returns, or {@link Server#closeClients()}) sends
     * {@code close_notify}; so does a {@link #shutdown} whose grace period the handler ends in.
     *
     * @throws IllegalArgumentException if {@code tls} has no {@link javax.net.ssl.SSLContext}
     *     (a server needs one holding its certificate)
     * @throws IllegalStateException if the group is shut down
     */
    public CompletableFuture<GroupServer> startServer(StreamHandler handler, String host, int port,
            TlsOptions tls) {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT, ServerOptions.defaults(),
                AcceptMode.AUTO, tls);
    }

    /**
     * {@link #startServer(StreamHandler, String, int, TlsOptions)} with a reader limit, socket
     * options and an accept mode.
     *
     * @throws IllegalArgumentException if {@code tls} has no context, or the port is out of range
     * @throws IllegalStateException if the group is shut down
     */
    public CompletableFuture<GroupServer> startServer(StreamHandler handler, String host, int port,
            int limit, ServerOptions options, AcceptMode mode, TlsOptions tls) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(tls, "tls").checkServer();
        return serve(loop -> () -> SslLayer.server(loop.loop(), tls, new StreamProtocol(
                loop.loop(), new StreamReader(loop.loop(), limit), handler)), host, port, options,
                mode, "startServer");
    }

    /**
     * A TLS protocol server served by every loop: {@link #createServer(Supplier, String, int,
     * ServerOptions, AcceptMode)} with each connection's TLS terminated on its loop; the
     * protocols see a {@link TlsTransport}, after the handshake (see {@link Endpoints}).
     *
     * @throws IllegalArgumentException if {@code tls} has no {@link javax.net.ssl.SSLContext}
     * @throws IllegalStateException if the group is shut down
     */
    public CompletableFuture<GroupServer> createServer(Supplier<? extends Protocol> protocolFactory,
            String host, int port, ServerOptions options, AcceptMode mode, TlsOptions tls) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(tls, "tls").checkServer();
        return serve(loop -> () -> SslLayer.server(loop.loop(), tls, protocolFactory.get()), host,
                port, options, mode, "createServer");
    }

    /**
     * A protocol server on {@code host}:{@code port} served by every loop (the group's
     * {@link Endpoints#createServer}): {@code protocolFactory} is called on the thread of the
     * loop that got the connection, so it must be thread-safe, and the protocol it returns
     * lives on that loop.
     *
     * @throws IllegalStateException if the group is shut down
     */
    public CompletableFuture<GroupServer> createServer(Supplier<? extends Protocol> protocolFactory,
            String host, int port, ServerOptions options, AcceptMode mode) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        return serve(loop -> protocolFactory, host, port, options, mode, "createServer");
    }

    private CompletableFuture<GroupServer> serve(
            java.util.function.Function<GroupLoop, Supplier<? extends Protocol>> factories,
            String host, int port, ServerOptions options, AcceptMode mode, String method) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(mode, "mode");
        checkOpen(method);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port
                    + " (use 0..65535, 0 for any free port)");
        }
        CompletableFuture<GroupServer> result = new CompletableFuture<>();
        new GroupBinder(loops, factories, host, options).bind(port, mode).whenComplete((s, e) -> {
            if (e != null) {
                result.completeExceptionally(GroupBinder.unwrap(e));
                return;
            }
            servers.add(s);
            if (shutDown) {
                s.close(); // the group was shut down while the sockets were being bound
                result.completeExceptionally(closedError(method));
            } else if (!result.complete(s)) {
                s.close(); // the caller cancelled the future meanwhile
            }
        });
        return result;
    }

    private void checkOpen(String method) {
        if (shutDown) {
            throw closedError(method);
        }
    }

    private IllegalStateException closedError(String method) {
        return new IllegalStateException("LoopGroup." + method + "() on " + this + ", which is "
                + "shut down: its loops are closed; create a new LoopGroup");
    }

    @Override
    public String toString() {
        return "<LoopGroup " + name + " loops=" + loops.size() + (shutDown ? " shut down" : "") + ">";
    }

    List<GroupLoop> groupLoops() {
        return loops;
    }

    List<GroupServer> groupServers() {
        return servers;
    }

    /**
     * Runs {@code main} on the first loop, waits for it on the calling thread, then shuts the
     * group down with no grace period (as {@code Weft.run} cancels what its main coroutine left
     * behind) and returns its result; see {@link #run(Coroutine, Duration)}.
     */
    public <T> T run(Coroutine<T> main) {
        return run(main, Duration.ZERO);
    }

    /**
     * Runs {@code main} as a task of the first loop, waits for it, then {@link #shutdown}s the
     * group with {@code grace}, and returns the result or rethrows the exception of {@code main}
     * unwrapped (a {@link java.util.concurrent.CancellationException} if it was
     * cancelled). If the calling thread is
     * interrupted, {@code main} is cancelled and the group shut down all the same.
     *
     * @throws IllegalStateException if the group is shut down, or when called on one of the
     *     group's loop threads (it would wait for itself)
     */
    public <T> T run(Coroutine<T> main, Duration grace) {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(grace, "grace");
        checkNotOnLoop("run");
        checkOpen("run");
        CompletableFuture<T> outcome = Weft.runCoroutineThreadsafe(main, eventLoops.get(0));
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            outcome.cancel(false);
            Thread.currentThread().interrupt();
            throw new dev.weft.CancelledError("LoopGroup.run() interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw Sneaky.<RuntimeException>raise(e.getCause());
        } finally {
            shutdown(grace);
        }
    }

    /**
     * Shuts the group down, blocking until its threads have ended: (1) every server stops
     * accepting ({@link GroupServer#close()}); (2) the connections already open get up to
     * {@code grace} to end, as their handlers return; (3) on every loop, every task still
     * pending is cancelled and awaited, the connections still open are aborted, and the loop is
     * stopped and closed. Tasks that are not connection handlers (client work) are not waited
     * for in step 2; they are cancelled in step 3. As in {@code Weft.run}, step 3 waits for the
     * cancelled tasks to end: a task that catches {@code CancelledError} and goes on awaiting
     * holds the shutdown up. Idempotent: a second call waits for the first.
     *
     * @throws IllegalArgumentException if {@code grace} is negative
     * @throws IllegalStateException when called on one of the group's loop threads
     */
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        checkNotOnLoop("shutdown");
        boolean first;
        synchronized (this) {
            first = !shutDown;
            shutDown = true;
        }
        if (first) {
            new GroupShutdown(this).run(grace);
        } else {
            GroupShutdown.joinAll(loops);
        }
    }

    /** {@code shutdown(Duration.ZERO)}: stops accepting, cancels every task, closes the loops. */
    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private void checkNotOnLoop(String method) {
        for (GroupLoop loop : loops) {
            if (loop.thread() == Thread.currentThread()) {
                throw new IllegalStateException("LoopGroup." + method + "() called on "
                        + loop.thread().getName() + ", a loop of the group, would wait for "
                        + "itself: call it from another thread, or return from the main "
                        + "coroutine of LoopGroup.run()");
            }
        }
    }
}
