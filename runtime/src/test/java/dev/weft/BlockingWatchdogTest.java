package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's decision on synthetic real time: {@link BlockingWatchdog#check} is driven with
 * made-up {@code now} values and the loop's steps are begun and ended by hand, so what is
 * reported, and when, does not depend on the machine's speed.
 */
class BlockingWatchdogTest {
    private static final long MS = 1_000_000L;
    private static final long THRESHOLD = 100 * MS;

    private final Logger weftLogger = Logger.getLogger("dev.weft");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage().contains("unit-step")) { // the watchdog thread may report others
                synchronized (records) {
                    records.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private VirtualClock clock;
    private EventLoop loop;
    private BlockingWatch watch;
    private final Runnable step = new Runnable() {
        @Override
        public void run() {
        }

        @Override
        public String toString() {
            return "unit-step";
        }
    };

    @BeforeEach
    void setUp() {
        weftLogger.addHandler(capture);
        weftLogger.setUseParentHandlers(false);
        clock = Clock.virtual();
        loop = EventLoop.create(clock);
        loop.setBlockingThreshold(java.time.Duration.ofDays(1)); // watched even with weft.watchdog=false
        loop.setBlockingThreshold(java.time.Duration.ZERO); // ... but the watchdog thread leaves it alone
        watch = loop.blockingWatch();
    }

    @AfterEach
    void tearDown() {
        loop.close();
        weftLogger.removeHandler(capture);
        weftLogger.setUseParentHandlers(true);
    }

    private int reports() {
        synchronized (records) {
            return records.size();
        }
    }

    @Test
    void check_stepSeenForLessThanTheThreshold_isNotReported() {
        watch.begin(step);
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        BlockingWatchdog.check(watch, THRESHOLD, 99 * MS);
        assertEquals(0, reports());
        watch.end();
    }

    @Test
    void check_stepSeenForTheThreshold_isReportedOnceHoweverLongItBlocks() {
        watch.begin(step);
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        BlockingWatchdog.check(watch, THRESHOLD, 100 * MS);
        BlockingWatchdog.check(watch, THRESHOLD, 200 * MS);
        BlockingWatchdog.check(watch, THRESHOLD, 10_000 * MS);
        watch.end();
        assertEquals(1, reports());
        LogRecord r = records.get(0);
        assertTrue(r.getMessage().startsWith("Executing unit-step has blocked the event loop thread '"
                + Thread.currentThread().getName() + "' for over 0.100 seconds"), r.getMessage());
        // the stack was sampled on this thread, inside this test method
        assertTrue(List.of(r.getThrown().getStackTrace()).toString()
                .contains("BlockingWatchdogTest.check_stepSeenForTheThreshold"), r.getThrown().toString());
    }

    @Test
    void check_manyShortStepsOverTheThreshold_areNeverReported() {
        long now = 0;
        for (int i = 0; i < 10; i++) { // each step lasts one tick of 50 ms: the counter moves
            watch.begin(step);
            BlockingWatchdog.check(watch, THRESHOLD, now);
            watch.end();
            now += 50 * MS;
        }
        assertEquals(0, reports());
    }

    @Test
    void check_loopIdleBetweenSteps_isNotReported() {
        watch.begin(step);
        watch.end(); // the loop now waits in its selector: no step runs, nothing blocks
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        BlockingWatchdog.check(watch, THRESHOLD, 1_000 * MS);
        assertEquals(0, reports());
        assertNull(watch.callback(), "a finished step's callback is not kept reachable");
    }

    @Test
    void check_twoSlowStepsInARow_areReportedOnceEach() {
        watch.begin(step);
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        BlockingWatchdog.check(watch, THRESHOLD, 150 * MS);
        watch.end();
        watch.begin(step);
        BlockingWatchdog.check(watch, THRESHOLD, 175 * MS);
        BlockingWatchdog.check(watch, THRESHOLD, 300 * MS);
        watch.end();
        assertEquals(2, reports());
    }

    @Test
    void check_slowTaskStep_isReportedByTheTaskTheLoopSteps_withoutTheWatchHoldingIt() {
        Task<Void> task = loop.createTask(Weft.sleep(0), "unit-step-task");
        watch.begin(step); // some earlier step: progress moves, as the task's poll would move it
        watch.end();
        loop.currentTask = task; // as Task.step does while it runs; the loop publishes nothing
        assertNull(watch.callback(), "a task step stores no reference in the watch");
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        BlockingWatchdog.check(watch, THRESHOLD, 120 * MS);
        loop.currentTask = null;
        watch.end();
        assertEquals(1, reports());
        assertTrue(records.get(0).getMessage().contains("name='unit-step-task'"), records.get(0).getMessage());
        loop.runUntilComplete(task);
    }

    @Test
    void check_taskStepEndedBeforeTheThreshold_nothingRunning_isNotReported() {
        Task<Void> task = loop.createTask(Weft.sleep(0), "unit-step-task");
        loop.currentTask = task;
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        loop.currentTask = null; // the step ended; the loop waits for I/O, progress stands still
        BlockingWatchdog.check(watch, THRESHOLD, 5_000 * MS);
        assertEquals(0, reports());
        loop.runUntilComplete(task);
    }

    @Test
    void progress_movesWithEveryPollOfTheReadyQueue_soATaskStepIsSeenStartingWithoutAStore() {
        long before = watch.progress();
        loop.callSoon(() -> { });
        loop.callSoon(() -> { });
        loop.runUntilComplete(loop.createTask(Weft.sleep(0))); // two callbacks, task steps
        assertTrue(watch.progress() != before, "the ready queue's polls are the progress");
        assertNull(watch.callback(), "nothing stays published after the steps");
    }

    /**
     * Runs one loop iteration in debug mode whose only callback is slow for debug mode (its
     * virtual clock moves 200 ms) and, when {@code watchdogSees}, is also seen by the watchdog
     * past its threshold while it runs.
     */
    private void runSlowStepInDebugMode(boolean watchdogSees) {
        loop.setDebug(true);
        loop.callSoon(new Runnable() {
            @Override
            public void run() {
                BlockingWatchdog.check(watch, THRESHOLD, 0);
                BlockingWatchdog.check(watch, THRESHOLD, (watchdogSees ? 150 : 50) * MS);
                clock.advance(java.time.Duration.ofMillis(200));
            }

            @Override
            public String toString() {
                return "unit-step";
            }
        });
        loop.runOnce();
        loop.setDebug(false);
    }

    @Test
    void debugMode_stepTheWatchdogReported_isReportedOnceWithTheSampledStack() {
        runSlowStepInDebugMode(true);
        assertEquals(1, reports(), () -> records.toString());
        LogRecord r = records.get(0);
        assertTrue(r.getMessage().startsWith("Executing <Handle unit-step> has blocked the event loop thread"),
                r.getMessage());
        assertTrue(r.getThrown() instanceof BlockingCallTrace, String.valueOf(r.getThrown()));
    }

    @Test
    void debugMode_slowStepTheWatchdogDidNotSee_isReportedByDebugMode() {
        runSlowStepInDebugMode(false);
        assertEquals(1, reports(), () -> records.toString());
        assertEquals("Executing <Handle unit-step> took 0.200 seconds", records.get(0).getMessage());
    }

    @Test
    void check_stepDebugModeReportedFirst_isNotReportedAgain() {
        watch.begin(step);
        BlockingWatchdog.check(watch, THRESHOLD, 0);
        assertTrue(watch.claimRunningStep(), "debug mode claims the slow step first");
        BlockingWatchdog.check(watch, THRESHOLD, 150 * MS);
        watch.end();
        assertEquals(0, reports(), "the watchdog leaves a step debug mode reported alone");
    }
}
