package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.OpenFiles;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.lang.ref.WeakReference;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, "Done when": 1,000 stream handlers cancelled mid-read and mid-drain, and 1,000
 * connects abandoned under a 50 ms timeout, leave no file descriptor open ({@code /proc/self/fd}
 * back to its baseline, within 5, in one second) and no handler's reader or writer reachable.
 *
 * <p>Loopback only and bounded: the server and the clients use small socket buffers (so 500
 * blocked writers hold a few MB, not GBs of kernel memory); every wait has a limit; the test is
 * skipped where {@code /proc/self/fd} does not exist.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DescriptorLeakTest {
    private static final String HOST = "127.0.0.1";
    private static final int CLIENTS = 1000;
    private static final int SLACK = 5;
    private static final Duration SETTLE = Duration.ofSeconds(1);

    /** What the handlers report: their tasks, and weak references to their stream halves. */
    static final class Handlers {
        final List<Task<?>> tasks = new ArrayList<>();
        final List<WeakReference<Object>> halves = new ArrayList<>();
        Future<Void> allInPlace;
        int started;

        /** A handler is where it must be cancelled: waiting in a read or in a drain. */
        void inPlace(StreamReader reader, StreamWriter writer) {
            tasks.add(Weft.currentTask().orElseThrow());
            halves.add(new WeakReference<>(reader));
            halves.add(new WeakReference<>(writer));
            if (tasks.size() == CLIENTS) {
                allInPlace.setResult(null);
            }
        }

        Coroutine<Void> handle(StreamReader reader, StreamWriter writer) {
            return started++ % 2 == 0 ? midRead(reader, writer, this) : midDrain(reader, writer, this);
        }
    }

    @Async
    static Coroutine<Void> midRead(StreamReader reader, StreamWriter writer, Handlers handlers) {
        handlers.inPlace(reader, writer);
        Weft.await(reader.read(100)); // the client never sends
        throw new AssertionError("the client sent something");
    }

    @Async
    static Coroutine<Void> midDrain(StreamReader reader, StreamWriter writer, Handlers handlers) {
        writer.transport().setWriteBufferLimits(8192, 2048);
        byte[] chunk = new byte[4096];
        boolean reported = false;
        while (true) {
            writer.write(chunk);
            Future<Void> drained = writer.drain();
            if (!drained.done() && !reported) {
                reported = true;
                handlers.inPlace(reader, writer);
            }
            Weft.await(drained); // the client stops reading after 2 KiB
        }
    }

    /** Polls the open descriptors until at most {@code target}, for at most {@link #SETTLE}. */
    @Async
    static Coroutine<Integer> settleTo(int target) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int open = OpenFiles.count();
        while (open > target && System.nanoTime() < deadline) {
            Weft.await(Weft.sleep(10));
            open = OpenFiles.count();
        }
        return Weft.done(open);
    }

    @Async
    static Coroutine<List<String>> cancelHandlers(Handlers handlers) {
        List<String> log = new ArrayList<>();
        handlers.allInPlace = Weft.loop().createFuture();
        Weft.await(Weft.sleep(0));
        int baseline = OpenFiles.count();
        Server server = Weft.await(Streams.startServer(handlers::handle, HOST, 0, 1024,
                ServerOptions.defaults().withBacklog(CLIENTS).withSendBufferSize(4096)
                        .withReceiveBufferSize(4096)));
        List<Connection> clients = new ArrayList<>(CLIENTS);
        for (int batch = 0; batch < CLIENTS / 100; batch++) {
            List<Future<Connection>> connecting = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                connecting.add(Streams.openConnection(HOST, server.port(), 1024));
            }
            List<Connection> connected = Weft.await(Weft.gather(connecting));
            for (Connection c : connected) {
                c.writer().transport().setOption(StandardSocketOptions.SO_RCVBUF, 4096);
                clients.add(c);
            }
        }
        Weft.await(Weft.waitFor(handlers.allInPlace, Duration.ofSeconds(60)));
        log.add("handlers in place " + handlers.tasks.size());
        for (Task<?> t : handlers.tasks) {
            t.cancel();
            t.cancel("twice"); // bad input: a second cancel changes nothing
        }
        handlers.tasks.clear();
        int open = Weft.await(settleTo(baseline + 1 + CLIENTS + SLACK));
        log.add("after the cancel only the listener and the clients are open "
                + (open <= baseline + 1 + CLIENTS + SLACK) + " (" + (open - baseline) + ")");
        for (Connection c : clients) {
            c.writer().transport().abort();
        }
        clients.clear();
        server.close();
        open = Weft.await(settleTo(baseline + SLACK));
        log.add("back to the baseline " + (open <= baseline + SLACK) + " (" + (open - baseline) + ")");
        return Weft.done(log);
    }

    /** Polls with {@code System.gc()} until every reference is cleared, for at most 20 s. */
    private static long reachable(List<WeakReference<Object>> refs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long left;
        do {
            System.gc();
            Thread.sleep(20);
            left = refs.stream().filter(r -> r.get() != null).count();
        } while (left > 0 && System.nanoTime() < deadline);
        return left;
    }

    @Test
    void cancel_thousandHandlersMidReadAndMidDrain_descriptorsAndBuffersReleased() throws Exception {
        assumeTrue(OpenFiles.available(), "no /proc/self/fd on this system: cannot count descriptors");
        Handlers handlers = new Handlers();
        List<String> log = Weft.run(cancelHandlers(handlers));

        assertEquals(List.of("handlers in place " + CLIENTS, "after the cancel only the listener and the clients are open true",
                "back to the baseline true"), stripCounts(log), log.toString());
        assertEquals(2 * CLIENTS, handlers.halves.size());
        assertEquals(0, reachable(handlers.halves), "handler readers or writers still reachable");
    }

    @Async
    static Coroutine<List<String>> abandonConnects(int port) {
        List<String> log = new ArrayList<>();
        Weft.await(ConnectCancelTest.warmUp(port)); // the JDK's one descriptor for good
        int baseline = OpenFiles.count();
        List<Task<Connection>> attempts = new ArrayList<>(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            attempts.add(Weft.createTask(Weft.waitFor(Streams.openConnection(HOST, port), Duration.ofMillis(50))));
        }
        List<Object> outcomes = Weft.await(Weft.gather(attempts, true));
        long timeouts = outcomes.stream().filter(o -> o instanceof TimeoutError).count();
        log.add("timeouts " + timeouts);
        int open = Weft.await(settleTo(baseline + SLACK));
        log.add("back to the baseline " + (open <= baseline + SLACK) + " (" + (open - baseline) + ")");
        return Weft.done(log);
    }

    @Test
    void waitFor_thousandConnectsAbandonedAfter50Millis_descriptorsReleased() throws Exception {
        assumeTrue(OpenFiles.available(), "no /proc/self/fd on this system: cannot count descriptors");
        try (StuckListener stuck = new StuckListener()) {
            List<String> log = Weft.run(abandonConnects(stuck.port()));

            assertEquals(List.of("timeouts " + CLIENTS, "back to the baseline true"), stripCounts(log), log.toString());
        }
    }

    /** The log without the "(n)" counts, which are there for the failure message. */
    private static List<String> stripCounts(List<String> log) {
        List<String> out = new ArrayList<>();
        for (String line : log) {
            out.add(line.replaceAll(" \\(-?\\d+\\)$", ""));
        }
        return out;
    }
}
