package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.OpenFiles;
import dev.weft.net.Connection;
import dev.weft.net.Streams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, point 7: a connect that is cancelled or times out closes its socket at once, not
 * when the kernel gives up on a listener that never answers ({@link StuckListener}), two minutes
 * later. Open sockets are counted in {@code /proc/self/fd} (skipped where that does not exist);
 * only sockets, so that a file the JVM opens meanwhile does not count.
 * The CPython 3.13 twin, 20 times {@code wait_for(open_connection(...), 0.05)} against the same
 * kind of listener, ends with no descriptor over its baseline.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectCancelTest {
    private static final String HOST = "127.0.0.1";

    /**
     * Abandons one connect before the baseline is taken: the first time the JDK closes a socket
     * with a connect pending it opens one descriptor for good (its "pre-close" socket pair,
     * {@code FileDispatcherImpl}'s {@code preCloseFD}), which is not a leak of ours.
     */
    @Async
    static Coroutine<Void> warmUp(int port) {
        try {
            Weft.await(Weft.waitFor(Streams.openConnection(HOST, port), Duration.ofMillis(20)));
        } catch (TimeoutError expected) {
            // the listener never accepts
        }
        Weft.await(Weft.sleep(0));
        return Weft.done();
    }

    /** Times the connect out {@code attempts} times in a row; the open fds over the baseline. */
    @Async
    static Coroutine<List<String>> retryEvery200Millis(int port, int attempts) {
        List<String> log = new ArrayList<>();
        Weft.await(warmUp(port));
        int baseline = OpenFiles.sockets();
        int timeouts = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                Weft.await(Weft.waitFor(Streams.openConnection(HOST, port), Duration.ofMillis(200)));
                log.add("connected to a listener that never accepts");
            } catch (TimeoutError e) {
                timeouts++;
            }
        }
        log.add(timeouts + " timeouts");
        log.add("sockets left open right after the last timeout: " + (OpenFiles.sockets() - baseline));
        return Weft.done(log);
    }

    @Test
    void waitFor_connectTimesOut_socketClosedAtOnce() throws Exception {
        assumeTrue(OpenFiles.available(), "no /proc/self/fd on this system: cannot count sockets");
        try (StuckListener stuck = new StuckListener()) {
            List<String> log = Weft.run(retryEvery200Millis(stuck.port(), 10));

            assertEquals(List.of("10 timeouts", "sockets left open right after the last timeout: 0"), log);
        }
    }

    /** Cancels connects directly, through a task, twice; awaits the cancelled task many times. */
    @Async
    static Coroutine<List<String>> cancelConnects(int port) {
        List<String> log = new ArrayList<>();
        Weft.await(warmUp(port));
        int baseline = OpenFiles.sockets();
        Future<Connection> direct = Streams.openConnection(HOST, port);
        Weft.await(Weft.sleep(20)); // the connect is in progress: SYN sent, no answer
        log.add("pending " + !direct.done() + ", open sockets " + (OpenFiles.sockets() - baseline));
        log.add("first cancel " + direct.cancel() + ", second cancel " + direct.cancel());
        Weft.await(Weft.sleep(0));
        log.add("open sockets after cancel " + (OpenFiles.sockets() - baseline));

        Task<Connection> viaTask = Weft.createTask(connect(port));
        Weft.await(Weft.sleep(20));
        viaTask.cancel();
        viaTask.cancel("again");
        int cancelledAwaits = 0;
        for (int i = 0; i < 5; i++) {
            try {
                Weft.await(viaTask);
            } catch (CancelledError e) {
                cancelledAwaits++;
            }
        }
        log.add("task awaits that raised CancelledError " + cancelledAwaits);
        log.add("open sockets after the task " + (OpenFiles.sockets() - baseline));

        try {
            Weft.await(Weft.timeout(Duration.ofMillis(30)).run(connect(port)));
        } catch (TimeoutError e) {
            log.add("timeout scope expired");
        }
        Weft.await(Weft.sleep(0));
        log.add("open sockets after the scope " + (OpenFiles.sockets() - baseline));
        return Weft.done(log);
    }

    @Async
    static Coroutine<Connection> connect(int port) {
        return Weft.done(Weft.await(Streams.openConnection(HOST, port)));
    }

    @Test
    void cancel_connectInProgress_socketClosedOnceEvenIfCancelledTwice() throws Exception {
        assumeTrue(OpenFiles.available(), "no /proc/self/fd on this system: cannot count sockets");
        List<String> reports = new ArrayList<>();
        try (StuckListener stuck = new StuckListener()) {
            List<String> log = Weft.run(withReports(cancelConnects(stuck.port()), reports));

            assertEquals(List.of("pending true, open sockets 1", "first cancel true, second cancel false",
                    "open sockets after cancel 0", "task awaits that raised CancelledError 5",
                    "open sockets after the task 0", "timeout scope expired",
                    "open sockets after the scope 0"), log);
        }
        assertTrue(reports.isEmpty(), "the loop reported " + reports);
    }

    /**
     * Cancels a connect after 0 to 3 loop iterations: one of them falls after the refusal failed
     * the connect and before that outcome was passed on to the caller's future.
     */
    @Async
    static Coroutine<String> cancelAfterRefusal(int closedPort) {
        String outcome = "";
        for (int yields = 0; yields < 4; yields++) {
            Future<Connection> f = Streams.openConnection(HOST, closedPort);
            for (int i = 0; i < yields; i++) {
                Weft.await(Weft.sleep(0));
            }
            f.cancel();
            f.cancel();
            Weft.await(Weft.sleep(5)); // let every callback of the connect run
            outcome += (f.cancelled() ? "cancelled" : f.exception().getClass().getSimpleName()) + ";";
        }
        return Weft.done(outcome);
    }

    @Test
    void cancel_afterTheConnectFailedBeforeTheCallerSawIt_noErrorFromWeft() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            closedPort = s.getLocalPort(); // closed again: connects are refused
        }
        List<String> reports = new ArrayList<>();
        String outcome = Weft.run(withReports(cancelAfterRefusal(closedPort), reports));

        // Depending on how far the refusal got, the cancel wins or the ConnectException had
        // already reached the future; either way weft's own callbacks must not fail.
        assertTrue(reports.isEmpty(), "the loop reported " + reports);
        assertTrue(outcome.matches("((cancelled|ConnectException);){4}"), outcome);
    }

    /** Runs {@code body} with the loop's exception reports collected into {@code reports}. */
    @Async
    static <T> Coroutine<T> withReports(Coroutine<T> body, List<String> reports) {
        Weft.loop().setExceptionHandler((where, t) -> reports.add(where + ": " + t));
        return Weft.done(Weft.await(body));
    }
}
