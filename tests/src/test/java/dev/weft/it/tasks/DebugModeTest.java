package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.VirtualClock;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debug mode: slow steps logged with the task's name, coroutines never awaited, the switch. */
class DebugModeTest {
    /** Held strongly: java.util.logging keeps loggers weakly. */
    private final Logger weftLogger = Logger.getLogger("dev.weft");
    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            synchronized (warnings) {
                warnings.add(record.getLevel() + " " + record.getMessage() + "\n" + trace);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        weftLogger.addHandler(capture);
        weftLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void restoreLogging() {
        weftLogger.removeHandler(capture);
        weftLogger.setUseParentHandlers(true);
    }

    private List<String> warnings() {
        synchronized (warnings) {
            return new ArrayList<>(warnings);
        }
    }

    @Async
    static Coroutine<String> work() {
        Weft.await(Weft.sleep(1));
        return Weft.done("worked");
    }

    @Async
    static Coroutine<String> forgetsToAwait() {
        work(); // the coroutine object is made and dropped: a bug debug mode must point at
        return Weft.done(Weft.await(work()));
    }

    @Test
    void run_debugModeWithACoroutineNeverAwaited_logsItWithItsCreationSite() {
        assertEquals("worked", Weft.run(forgetsToAwait(), true));
        // Only the never-awaited report: on the real clock a loaded machine can also make the
        // first step (class loading) slower than debug mode's 100 ms, which it rightly logs.
        List<String> logged = warnings().stream().filter(w -> !w.startsWith("WARNING Executing ")).toList();
        assertEquals(1, logged.size(), logged::toString);
        String w = logged.get(0);
        assertTrue(w.startsWith("WARNING coroutine dev.weft.it.tasks.DebugModeTest.work(DebugModeTest.java:"), w);
        assertTrue(w.contains("was never awaited"), w);
        assertTrue(w.contains("at dev.weft.it.tasks.DebugModeTest.forgetsToAwait(DebugModeTest.java:"), w);
    }

    @Test
    void run_notInDebugMode_logsNothing() {
        assertEquals("worked", Weft.run(forgetsToAwait(), false));
        assertEquals(List.of(), warnings());
    }

    @Async
    static Coroutine<String> slowStep(VirtualClock clock) {
        Weft.await(Weft.sleep(0));
        clock.advance(Duration.ofMillis(150)); // as if this step computed for 150 ms
        Weft.await(Weft.sleep(0));
        clock.advance(Duration.ofMillis(20)); // fast enough
        return Weft.done("slow");
    }

    @Test
    void debugMode_aStepSlowerThan100ms_isLoggedWithTheTasksName() {
        VirtualClock clock = Clock.virtual();
        EventLoop loop = EventLoop.create(clock);
        loop.setDebug(true);
        try {
            assertEquals("slow", loop.runUntilComplete(loop.createTask(slowStep(clock), "slowpoke")));
        } finally {
            loop.close();
        }
        List<String> logged = warnings();
        assertEquals(1, logged.size(), logged::toString);
        assertTrue(logged.get(0).startsWith("WARNING Executing <Task pending name='slowpoke' coro=<"), logged.get(0));
        assertTrue(logged.get(0).contains("> took 0.150 seconds"), logged.get(0));
    }

    @Test
    void setSlowCallbackDuration_lowerThreshold_logsFasterSteps() {
        VirtualClock clock = Clock.virtual();
        EventLoop loop = EventLoop.create(clock);
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofMillis(10));
        try {
            loop.runUntilComplete(loop.createTask(slowStep(clock), "slowpoke"));
        } finally {
            loop.close();
        }
        assertEquals(2, warnings().size(), warnings()::toString);
    }

    @Test
    void systemProperty_weftDebug_turnsDebugModeOnForNewLoops() {
        System.setProperty("weft.debug", "true");
        try {
            EventLoop loop = EventLoop.create();
            assertTrue(loop.isDebug());
            loop.close();
        } finally {
            System.clearProperty("weft.debug");
        }
        EventLoop plain = EventLoop.create();
        assertFalse(plain.isDebug());
        plain.close();
    }

    @Test
    void debugMode_droppedCoroutineCollectedBeforeTheLoopCloses_isReportedByTheCleaner() throws Exception {
        EventLoop loop = EventLoop.create();
        loop.setDebug(true);
        try {
            loop.runUntilComplete(loop.createTask(dropsOne()));
            for (int i = 0; i < 400 && warnings().isEmpty(); i++) {
                System.gc();
                Thread.sleep(5);
            }
            List<String> logged = warnings();
            assertEquals(1, logged.size(), logged::toString);
            assertTrue(logged.get(0).contains("DebugModeTest.work(DebugModeTest.java:"), logged.get(0));
        } finally {
            loop.close(); // already reported by the cleaner: the sweep must not report it again
        }
        assertEquals(1, warnings().size(), warnings()::toString);
    }

    @Async
    static Coroutine<String> dropsOne() {
        work();
        return Weft.done("dropped");
    }
}
