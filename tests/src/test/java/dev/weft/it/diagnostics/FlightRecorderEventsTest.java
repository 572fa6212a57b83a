package dev.weft.it.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * weft's Flight Recorder events, recorded with {@link Recording} and read back from the dumped
 * file with {@link RecordingFile}: {@code dev.weft.SlowCallback} and {@code dev.weft.TaskFailed}.
 */
class FlightRecorderEventsTest {
    private final LogCapture log = new LogCapture(); // keeps the watchdog's warning out of the output

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Async
    static Coroutine<String> fails() {
        Weft.await(Weft.sleep(0));
        if (!"".isEmpty()) {
            return Weft.done("unreachable");
        }
        throw new IllegalStateException("broken on purpose");
    }

    @Async
    static Coroutine<String> blocks() {
        Weft.await(Weft.sleep(0));
        BlockingWatchdogTest.sleepOnTheLoopThread(300);
        return Weft.done("blocked");
    }

    @Async
    static Coroutine<String> sleepsLong() {
        Weft.await(Weft.sleep(60_000));
        return Weft.done("never");
    }

    @Async
    static Coroutine<String> scenario(EventLoop loop) {
        Task<String> failing = loop.createTask(fails(), "failing-task");
        try {
            Weft.await(failing);
            throw new AssertionError("the task should have failed");
        } catch (IllegalStateException e) {
            assertEquals("broken on purpose", e.getMessage());
        }
        Task<String> cancelled = loop.createTask(sleepsLong(), "cancelled-task");
        Weft.await(Weft.sleep(0));
        cancelled.cancel();
        try {
            Weft.await(cancelled);
            throw new AssertionError("the task should have been cancelled");
        } catch (CancelledError expected) {
            // a cancellation is no failure: no TaskFailed event
        }
        return Weft.done(Weft.await(loop.createTask(blocks(), "blocking-task")));
    }

    private static List<RecordedEvent> record(Runnable program) throws Exception {
        Path file = Files.createTempFile("weft-events", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.SlowCallback");
            recording.enable("dev.weft.TaskFailed");
            recording.start();
            program.run();
            Thread.sleep(100); // the watchdog commits from its own thread
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(ev -> ev.getEventType().getName().startsWith("dev.weft."))
                    .collect(Collectors.toList());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void recording_failedTaskAndBlockingStep_eventsReadBackWithTheirFields() throws Exception {
        List<RecordedEvent> events = record(() -> {
            EventLoop loop = EventLoop.create();
            try {
                loop.setBlockingThreshold(Duration.ofMillis(50));
                assertEquals("blocked", loop.runUntilComplete(scenario(loop)));
            } finally {
                loop.close();
            }
        });
        List<RecordedEvent> failed = ofType(events, "dev.weft.TaskFailed");
        assertEquals(1, failed.size(), events::toString); // the cancelled task is no failure
        RecordedEvent f = failed.get(0);
        assertEquals("failing-task", f.getString("taskName"));
        assertEquals(IllegalStateException.class.getName(), f.getClass("exceptionClass").getName());
        assertEquals("broken on purpose", f.getString("message"));
        assertTrue(f.getString("where").contains("FlightRecorderEventsTest.fails(FlightRecorderEventsTest.java:"),
                f.getString("where"));

        List<RecordedEvent> slow = ofType(events, "dev.weft.SlowCallback");
        assertEquals(1, slow.size(), events::toString);
        RecordedEvent s = slow.get(0);
        assertEquals("blocking-task", s.getString("taskName"));
        assertTrue(s.getString("callback").contains("name='blocking-task'"), s.getString("callback"));
        assertEquals(Duration.ofMillis(50), s.getDuration("threshold"));
        assertTrue(s.getDuration("blockedFor").compareTo(Duration.ofMillis(50)) >= 0, s.toString());
        assertEquals(Thread.currentThread().getName(), s.getThread("loopThread").getJavaName());
        assertTrue(s.getString("stack").startsWith("at java.lang.Thread.sleep"), s.getString("stack"));
        assertTrue(s.getString("stack").contains("FlightRecorderEventsTest.blocks(FlightRecorderEventsTest.java:"),
                s.getString("stack"));
    }

    @Test
    void recording_blockingPlainCallback_hasNoTaskName() throws Exception {
        List<RecordedEvent> events = record(() -> {
            EventLoop loop = EventLoop.create();
            try {
                loop.setBlockingThreshold(Duration.ofMillis(50));
                loop.callSoon(() -> BlockingWatchdogTest.sleepOnTheLoopThread(300));
                loop.callSoon(loop::stop);
                loop.runForever();
            } finally {
                loop.close();
            }
        });
        List<RecordedEvent> slow = ofType(events, "dev.weft.SlowCallback");
        assertEquals(1, slow.size(), events::toString);
        assertNull(slow.get(0).getString("taskName"));
        assertTrue(slow.get(0).getString("callback").startsWith("<Handle "), slow.get(0).getString("callback"));
    }

    @Test
    void taskFailedType_registeredUnderARecorder_hasWeftsNameLabelAndCategory() throws Exception {
        record(() -> {
            EventLoop loop = EventLoop.create();
            try {
                Task<String> t = loop.createTask(fails(), "registers");
                assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
            } finally {
                loop.close();
            }
        });
        // an event type registers when first emitted under a recorder (the watchdog's on its first
        // report), so only TaskFailed is sure to be registered here
        EventType failed = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .filter(t -> t.getName().equals("dev.weft.TaskFailed")).findFirst()
                .orElseThrow(() -> new AssertionError("dev.weft.TaskFailed is not registered"));
        assertEquals(List.of("weft", "Tasks"), failed.getCategoryNames());
        assertEquals("Task Failed", failed.getLabel());
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
    }
}
