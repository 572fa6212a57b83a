package dev.weft.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Output;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exit codes, signals, cancellation and the end of the loop with children still running. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessLifecycleTest {
    private static final SubprocessOptions STDIN_PIPE = SubprocessOptions.defaults()
            .stdin(Stdio.PIPE).stdout(Stdio.PIPE);

    @BeforeEach
    void posix() {
        PosixTools.assume();
    }

    @Async
    static Coroutine<Integer> awaitExit(Subprocess p) {
        return Weft.done(Weft.await(p.waitFor()));
    }

    /** cat with a piped stdin never exits until stdin closes. */
    @Async
    static Coroutine<List<Object>> timeoutThenKill() {
        Subprocess p = Weft.await(Subprocess.exec(List.of("cat"), STDIN_PIPE));
        List<Object> log = new ArrayList<>();
        try {
            Weft.await(Weft.timeout(Duration.ofMillis(50)).run(awaitExit(p)));
            log.add("exited?");
        } catch (TimeoutError e) {
            log.add("timed out");
        }
        log.add(p.returnCode()); // still running: the timeout cancelled only the wait
        p.kill();
        log.add(Weft.await(p.waitFor()));
        log.add(p.returnCode());
        p.kill(); // exited: nothing happens
        p.terminate();
        log.add("again " + p.returnCode());
        return Weft.done(log);
    }

    @Test
    void neverExitingChild_timeoutScopeCancelsTheWait_thenKillGivesMinusNine() {
        List<Object> log = Weft.run(timeoutThenKill());

        assertEquals(java.util.Arrays.asList("timed out", null, -9, -9, "again -9"), log);
    }

    @Async
    static Coroutine<List<Object>> cancelledWaitAndCommunicate() {
        List<Object> log = new ArrayList<>();
        Subprocess p = Weft.await(Subprocess.exec(List.of("cat"), STDIN_PIPE));
        Future<Integer> wait = p.waitFor();
        Weft.await(Weft.sleep(20));
        wait.cancel();
        Weft.await(Weft.sleep(20));
        log.add("wait cancelled " + wait.cancelled() + ", running " + (p.returnCode() == null));
        Output out = Weft.await(p.communicate("after\n".getBytes()));
        log.add(new String(out.stdout()).trim() + " " + p.returnCode());
        // A communicate cancelled at once leaves the child, its stdin and its readers alone.
        Subprocess q = Weft.await(Subprocess.shell("read x; echo \"got $x\"", STDIN_PIPE));
        Future<Output> cancelled = q.communicate();
        cancelled.cancel();
        Weft.await(Weft.sleep(20));
        log.add("q running " + (q.returnCode() == null));
        q.stdin().write("late\n".getBytes());
        q.stdin().close();
        log.add(new String(Weft.await(q.stdout().readLine())).trim());
        log.add(Weft.await(q.waitFor()));
        return Weft.done(log);
    }

    @Test
    void cancellingWaitForOrCommunicate_leavesTheChildRunning() {
        assertEquals(List.of("wait cancelled true, running true", "after 0", "q running true",
                "got late", 0), Weft.run(cancelledWaitAndCommunicate()));
    }

    @Async
    static Coroutine<List<Integer>> signals() {
        List<Integer> codes = new ArrayList<>();
        for (int sig : new int[] {Subprocess.SIGTERM, Subprocess.SIGINT, 10}) {
            Subprocess p = Weft.await(Subprocess.exec(List.of("sleep", "30"),
                    SubprocessOptions.defaults()));
            p.sendSignal(sig);
            codes.add(Weft.await(p.waitFor()));
        }
        Subprocess p = Weft.await(Subprocess.exec(List.of("sleep", "30")));
        p.terminate();
        codes.add(Weft.await(p.waitFor()));
        return Weft.done(codes);
    }

    @Test
    void signals_childKilledBySignalN_returnsMinusN() {
        assertEquals(List.of(-15, -2, -10, -15), Weft.run(signals()));
    }

    // ---- the loop ends with children running -------------------------------------------------

    @Async
    static Coroutine<Subprocess[]> leaveRunning() {
        Subprocess a = Weft.await(Subprocess.exec(List.of("cat"), STDIN_PIPE
                .stderr(Stdio.PIPE)));
        a.stdin().write("unread".getBytes()); // starts its stdin pump
        Subprocess b = Weft.await(Subprocess.exec(List.of("sleep", "30")));
        return Weft.done(new Subprocess[] {a, b});
    }

    @Test
    void runEndsWithChildrenRunning_warnsKillsThemAndStopsEveryPump() throws Exception {
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.weft.process");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            Subprocess[] left = Weft.run(leaveRunning());

            for (Subprocess p : left) {
                ProcessHandle h = ProcessHandle.of(p.pid()).orElse(null);
                assertTrue(h == null || h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null);
            }
            assertEquals(-9, left[0].returnCode(), "killed at loop close");
            assertEquals(-9, left[1].returnCode(), "killed at loop close");
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("WARNING subprocess 'cat' (pid " + left[0].pid()
                    + ") is still running at event loop close: killing it"), warnings.get(0));
            assertTrue(warnings.get(1).contains("'sleep 30'"), warnings.get(1));
            assertEquals(0, SubprocessVolumeTest.pumpThreads(), SubprocessVolumeTest.pumpThreadNames());
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
    }

    @Async
    static Coroutine<Subprocess> startTrue() {
        return Weft.done(Weft.await(Subprocess.exec(List.of("true"))));
    }

    @Test
    void closedLoop_childExitingLater_doesNotFailAnywhere() throws Exception {
        EventLoop loop = EventLoop.create();
        Subprocess p = loop.runUntilComplete(startTrue());
        long pid = p.pid();
        Logger logger = Logger.getLogger("dev.weft.process");
        logger.setUseParentHandlers(false); // 'true' may or may not have exited by now
        try {
            loop.close();
        } finally {
            logger.setUseParentHandlers(true);
        }
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        assertEquals(0, SubprocessVolumeTest.pumpThreads());
    }
}
