package dev.weft.it.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.BlockingCallTrace;
import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking-call watchdog: a step blocking the loop is reported once with its task's name and
 * the stack sampled while it blocked; fast steps, loops watched off and virtual time are silent.
 */
class BlockingWatchdogTest {
    private final LogCapture log = new LogCapture();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Async
    static Coroutine<String> blocksFor(long millis) {
        Weft.await(Weft.sleep(0));
        sleepOnTheLoopThread(millis);
        Weft.await(Weft.sleep(0));
        return Weft.done("blocked");
    }

    /** The blocking call the report must point at. */
    static void sleepOnTheLoopThread(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Async
    static Coroutine<String> awaitsTheBlocker(long millis) {
        return Weft.done(Weft.await(blocksFor(millis)));
    }

    private static Predicate<String> blockingReportOf(String taskName) {
        return m -> m.contains("has blocked the event loop") && m.contains("name='" + taskName + "'");
    }

    private static String stackOf(LogRecord r) {
        return Arrays.stream(r.getThrown().getStackTrace()).map(String::valueOf)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void watchdog_threadSleepInACoroutine_isReportedOnceWithTaskNameAndSleepingFrame() throws Exception {
        EventLoop loop = EventLoop.create();
        try {
            assertEquals(Duration.ofMillis(100), loop.getBlockingThreshold()); // the default
            assertEquals("blocked", loop.runUntilComplete(loop.createTask(awaitsTheBlocker(300), "sleeper")));
        } finally {
            loop.close();
        }
        List<LogRecord> reports = log.await(blockingReportOf("sleeper"), 5_000);
        Thread.sleep(100); // a second report, if any, would come from the same watchdog tick
        reports = log.matching(blockingReportOf("sleeper"));
        assertEquals(1, reports.size(), () -> log.matching(m -> true).toString());
        LogRecord r = reports.get(0);
        assertEquals(Level.WARNING, r.getLevel());
        assertTrue(r.getMessage().contains("watchdog threshold 0.100 seconds"), r.getMessage());
        assertInstanceOf(BlockingCallTrace.class, r.getThrown());
        String stack = stackOf(r);
        assertTrue(stack.startsWith("java.lang.Thread.sleep"), stack);
        assertTrue(stack.contains("BlockingWatchdogTest.sleepOnTheLoopThread(BlockingWatchdogTest.java:"), stack);
        assertTrue(stack.contains("BlockingWatchdogTest.blocksFor(BlockingWatchdogTest.java:"), stack);
        // the awaiting coroutine is not on the Java stack: the report follows the await chain
        assertTrue(stack.contains("BlockingWatchdogTest.awaitsTheBlocker(BlockingWatchdogTest.java:"), stack);
    }

    @Test
    void watchdog_blockingPlainCallback_isReportedWithTheCallbacksStack() throws Exception {
        EventLoop loop = EventLoop.create();
        try {
            loop.setBlockingThreshold(Duration.ofMillis(50));
            loop.callSoon(() -> sleepOnTheLoopThread(300));
            loop.callSoon(loop::stop);
            loop.runForever();
        } finally {
            loop.close();
        }
        Predicate<String> report = m -> m.contains("Executing <Handle") && m.contains("has blocked the event loop");
        List<LogRecord> reports = log.await(report, 5_000);
        assertEquals(1, reports.size(), reports::toString);
        String stack = stackOf(reports.get(0));
        assertTrue(stack.contains("BlockingWatchdogTest.sleepOnTheLoopThread(BlockingWatchdogTest.java:"), stack);
        assertTrue(stack.contains("dev.weft.EventLoop.runForever"), stack); // a callback's whole stack
    }

    @Async
    static Coroutine<Integer> yields(int n) {
        for (int i = 0; i < n; i++) {
            Weft.await(Weft.sleep(0));
        }
        return Weft.done(n);
    }

    @Test
    void watchdog_fastSteps_areSilent() throws Exception {
        EventLoop loop = EventLoop.create();
        try {
            assertEquals(5000, loop.runUntilComplete(loop.createTask(yields(5000), "quick")));
        } finally {
            loop.close();
        }
        Thread.sleep(100);
        assertEquals(List.of(), log.matching(blockingReportOf("quick")));
    }

    @Test
    void setBlockingThreshold_zero_turnsTheWatchdogOffForThatLoop() throws Exception {
        EventLoop loop = EventLoop.create();
        try {
            loop.setBlockingThreshold(Duration.ZERO);
            assertEquals(Duration.ZERO, loop.getBlockingThreshold());
            loop.runUntilComplete(loop.createTask(blocksFor(300), "unwatched"));
        } finally {
            loop.close();
        }
        Thread.sleep(100);
        assertEquals(List.of(), log.matching(blockingReportOf("unwatched")));
    }

    @Test
    void systemProperty_watchdogFalse_newLoopsAreUnwatchedUntilAThresholdIsSet() throws Exception {
        System.setProperty("weft.watchdog", "false");
        EventLoop loop;
        try {
            loop = EventLoop.create();
        } finally {
            System.clearProperty("weft.watchdog");
        }
        try {
            assertEquals(Duration.ZERO, loop.getBlockingThreshold());
            loop.runUntilComplete(loop.createTask(blocksFor(300), "off-by-property"));
            loop.setBlockingThreshold(Duration.ofMillis(50)); // turned on again for this loop
            loop.runUntilComplete(loop.createTask(blocksFor(300), "on-again"));
        } finally {
            loop.close();
        }
        assertEquals(1, log.await(blockingReportOf("on-again"), 5_000).size());
        assertEquals(List.of(), log.matching(blockingReportOf("off-by-property")));
    }

    @Test
    void systemProperty_threshold_setsTheDefaultOfNewLoops() {
        System.setProperty("weft.watchdog.thresholdMillis", "250");
        try {
            EventLoop loop = EventLoop.create();
            assertEquals(Duration.ofMillis(250), loop.getBlockingThreshold());
            loop.close();
            System.setProperty("weft.watchdog.thresholdMillis", "soon");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, EventLoop::create);
            assertTrue(e.getMessage().contains("weft.watchdog.thresholdMillis=soon"), e.getMessage());
        } finally {
            System.clearProperty("weft.watchdog.thresholdMillis");
        }
    }

    @Test
    void setBlockingThreshold_negative_failsWithAMessage() {
        EventLoop loop = EventLoop.create();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.setBlockingThreshold(Duration.ofMillis(-1)));
            assertTrue(e.getMessage().contains("zero to turn the watchdog off"), e.getMessage());
        } finally {
            loop.close();
        }
    }

    @Async
    static Coroutine<String> sleepsAnHour() {
        for (int i = 0; i < 60; i++) {
            Weft.await(Weft.sleep(60_000)); // virtual time: the clock jumps, nothing blocks
        }
        return Weft.done("slept");
    }

    @Test
    void watchdog_virtualTimeJumps_areNotReportedButRealBlockingOnAVirtualLoopIs() throws Exception {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            assertEquals("slept", loop.runUntilComplete(loop.createTask(sleepsAnHour(), "virtual-sleeper")));
            loop.runUntilComplete(loop.createTask(blocksFor(300), "virtual-blocker"));
        } finally {
            loop.close();
        }
        assertEquals(1, log.await(blockingReportOf("virtual-blocker"), 5_000).size());
        assertEquals(List.of(), log.matching(blockingReportOf("virtual-sleeper")));
    }
}
