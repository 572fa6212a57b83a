package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Loop latency under a chat broadcast (DESIGN.md §9, "1,000-client chat broadcast delays a 10 ms
 * heartbeat by ≤ 50 ms"): {@code java -cp benchmarks.jar dev.weft.bench.ChatHeartbeatProbe
 * [CLIENTS [TALKERS [LINES]]]} runs a chat server on one loop (every line a client sends goes to
 * every other client, a client whose unsent backlog would pass 256 KiB is dropped) with a 10 ms
 * timer on that loop, and prints how late the timer ran at worst, and, since on a loaded machine
 * that includes the time the loop thread was preempted, the most CPU time the loop thread spent
 * between two beats beyond the period: the lateness the loop itself causes.
 *
 * <p>The load is the shape of the examples' {@code NetServersLoadTest} chat test: CLIENTS
 * (1,000) connections, of which 50 never read, each announced to the others as it joins; then
 * TALKERS (40) of the reading clients send LINES (25) lines of about 1 KB each, a line only
 * once their own client heard the previous round, so about 1 MB is sent to each client. The
 * clients run on a second loop in this JVM. Not a JMH benchmark: it reports a worst case of
 * one run, so run it a few times; the figure depends on the load of the machine.
 */
public final class ChatHeartbeatProbe {
    private static final String HOST = "127.0.0.1";
    private static final int NON_READERS = 50;
    private static final int MAX_BACKLOG = 256 * 1024;
    private static final int PAD = 1000;

    private ChatHeartbeatProbe() {
    }

    // ---- the server -------------------------------------------------------------------------

    /** The chat server of the probe; loop thread only. */
    static final class Chat {
        final Set<StreamWriter> clients = new LinkedHashSet<>();
        long maxLateNanos;
        /**
         * The most CPU time the loop thread used between two beats, less the 10 ms period: what
         * the lateness would be on an otherwise idle machine, where the loop is never preempted.
         */
        long maxBusyNanos;
        private long lastCpu = -1;
        private String worstBusy = "";
        private final java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long beats;
        long lateBeats;
        /** The first late beats: when (ms since the server started), how late, clients then. */
        final StringBuilder lateLog = new StringBuilder();
        final long startNanos = System.nanoTime();

        @Async
        Coroutine<Void> chat(StreamReader reader, StreamWriter writer) {
            writer.transport().setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
            writer.handOff();
            byte[] prefix = (writer.remoteAddress() + ": ").getBytes(StandardCharsets.US_ASCII);
            clients.add(writer);
            broadcast(("* " + writer.remoteAddress() + " joined\r\n")
                    .getBytes(StandardCharsets.US_ASCII), writer);
            try {
                for (byte[] line = Weft.await(reader.readLine()); line.length > 0;
                        line = Weft.await(reader.readLine())) {
                    byte[] all = new byte[prefix.length + line.length];
                    System.arraycopy(prefix, 0, all, 0, prefix.length);
                    System.arraycopy(line, 0, all, prefix.length, line.length);
                    broadcast(all, writer);
                }
            } catch (Exception gone) {
                // reset by the peer, or aborted for its backlog
            } finally {
                clients.remove(writer);
                writer.close();
            }
            return Weft.done();
        }

        private void broadcast(byte[] message, StreamWriter from) {
            for (Iterator<StreamWriter> it = clients.iterator(); it.hasNext();) {
                StreamWriter w = it.next();
                if (w == from || w.isClosing()) {
                    continue;
                }
                if (w.transport().getWriteBufferSize() + message.length > MAX_BACKLOG) {
                    it.remove();
                    w.transport().abort();
                    continue;
                }
                w.write(message);
            }
        }

        void heartbeat(EventLoop loop, long expectedAt) {
            long now = System.nanoTime();
            long late = now - expectedAt;
            long cpu = mx.getCurrentThreadCpuTime();
            long busy = cpu - lastCpu - TimeUnit.MILLISECONDS.toNanos(10);
            if (lastCpu >= 0 && busy > maxBusyNanos) {
                maxBusyNanos = busy;
                worstBusy = String.format("  most CPU between beats: %.1f ms at %d ms, %d "
                        + "clients%n", busy / 1e6, (now - startNanos) / 1_000_000, clients.size());
            }
            lastCpu = cpu;
            maxLateNanos = Math.max(maxLateNanos, late);
            beats++;
            if (late > TimeUnit.MILLISECONDS.toNanos(50) && ++lateBeats <= 10) {
                lateLog.append(String.format("  late beat at %d ms: %.1f ms late, %d clients%n",
                        (now - startNanos) / 1_000_000, late / 1e6, clients.size()));
            }
            long next = now + TimeUnit.MILLISECONDS.toNanos(10);
            loop.callLater(10, () -> heartbeat(loop, next));
        }

        @Async
        Coroutine<Void> serve(CompletableFuture<Integer> port, Future<Void> stop) {
            Server server = Weft.await(Streams.startServer(this::chat, HOST, 0,
                    StreamReader.DEFAULT_LIMIT, ServerOptions.defaults().withBacklog(2000)));
            EventLoop loop = Weft.loop();
            loop.callLater(10, () -> heartbeat(loop, System.nanoTime()
                    + TimeUnit.MILLISECONDS.toNanos(10)));
            port.complete(server.port());
            Weft.await(stop);
            server.close();
            server.abortClients();
            return Weft.done();
        }
    }

    // ---- the clients ------------------------------------------------------------------------

    /** A reading client: talks if {@code talker >= 0}; reads until it heard every other talker. */
    @Async
    static Coroutine<Void> client(int port, int talker, int talkers, int lines, int[] joined,
            int readers) {
        Connection c = Weft.await(Streams.openConnection(HOST, port));
        int[] heard = new int[talkers];
        Task<Void> talking = talker >= 0
                ? Weft.createTask(talk(c.writer(), talker, lines, heard, joined, readers)) : null;
        int expected = (talker >= 0 ? talkers - 1 : talkers) * lines;
        int got = 0;
        int joins = 0;
        while (got < expected) {
            byte[] raw = Weft.await(c.reader().readLine());
            if (raw.length == 0) {
                throw new IllegalStateException("a reading client was dropped after " + got);
            }
            String line = new String(raw, StandardCharsets.US_ASCII);
            if (line.startsWith("* ")) {
                joined[0] = Math.max(joined[0], ++joins);
                continue;
            }
            int at = line.indexOf(": t");
            int from = Integer.parseInt(line.substring(at + 3, line.indexOf(' ', at + 3)));
            heard[from]++;
            got++;
        }
        if (talking != null) {
            Weft.await(talking);
        }
        c.writer().close();
        return Weft.done();
    }

    @Async
    static Coroutine<Void> talk(StreamWriter writer, int talker, int lines, int[] heard,
            int[] joined, int readers) {
        String pad = "x".repeat(PAD);
        while (joined[0] < readers - 1) {
            Weft.await(Weft.sleep(1)); // wait until every reader is in the conversation
        }
        for (int seq = 0; seq < lines; seq++) {
            while (!roundHeard(heard, talker, seq)) {
                Weft.await(Weft.sleep(1));
            }
            writer.write(("t" + talker + " " + seq + " " + pad + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Weft.await(writer.drain());
        }
        return Weft.done();
    }

    private static boolean roundHeard(int[] heard, int talker, int seq) {
        for (int i = 0; i < heard.length; i++) {
            if (i != talker && heard[i] < seq) {
                return false;
            }
        }
        return true;
    }

    @Async
    static Coroutine<Void> conversation(int port, int readers, int talkers, int lines) {
        int[] joined = {0};
        List<Task<Void>> all = new ArrayList<>(readers);
        for (int i = 0; i < readers; i++) {
            all.add(Weft.createTask(client(port, i < talkers ? i : -1, talkers, lines, joined,
                    readers)));
        }
        for (Task<Void> t : all) {
            Weft.await(t);
        }
        return Weft.done();
    }

    /** Runs the probe; prints the heartbeat's worst lateness. */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int talkers = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Chat chat = new Chat();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<EventLoop> serverLoop = new CompletableFuture<>();
        CompletableFuture<Future<Void>> stopper = new CompletableFuture<>();
        Thread server = new Thread(() -> {
            EventLoop loop = EventLoop.create();
            Future<Void> stop = loop.createFuture();
            serverLoop.complete(loop);
            stopper.complete(stop);
            loop.runUntilComplete(loop.createTask(chat.serve(port, stop)));
            loop.close();
        }, "chat-server");
        server.start();
        int p = port.get(30, TimeUnit.SECONDS);
        List<SocketChannel> silent = new ArrayList<>();
        for (int i = 0; i < NON_READERS; i++) {
            silent.add(SocketChannel.open(new InetSocketAddress(HOST, p)));
        }
        long t0 = System.nanoTime();
        Weft.run(conversation(p, clients - NON_READERS, talkers, lines));
        long wall = System.nanoTime() - t0;
        EventLoop loop = serverLoop.get();
        Future<Void> stop = stopper.get();
        CompletableFuture<long[]> figures = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            figures.complete(new long[] {chat.maxLateNanos, chat.beats, chat.lateBeats,
                    chat.maxBusyNanos});
            System.out.print(chat.lateLog);
            System.out.print(chat.worstBusy);
            stop.setResult(null);
        });
        long[] f = figures.get(30, TimeUnit.SECONDS);
        server.join();
        for (SocketChannel ch : silent) {
            close(ch);
        }
        System.out.printf("chat broadcast, %d clients (%d never read), %d talkers x %d lines: "
                + "heartbeat late by at most %.1f ms (%d of %d beats late by > 50 ms); the loop "
                + "thread's CPU between two beats at most %.1f ms over the period; %.2f s (Java "
                + "%s)%n", clients, NON_READERS, talkers, lines, f[0] / 1e6, f[2], f[1],
                Math.max(0, f[3]) / 1e6, wall / 1e9, System.getProperty("java.version"));
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing at exit
        }
    }
}
