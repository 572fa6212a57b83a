package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

/**
 * The Flight Recorder gate: without a recorder, emitting weft's events initialises neither
 * Flight Recorder nor the event classes (the first registration costs over 100 ms). Relies on
 * runtime's unit tests starting no recorder before it; the events themselves are read back from a
 * recording in the integration test {@code FlightRecorderEventsTest}.
 */
class FlightEventsTest {
    @Test
    void taskFailedAndSlowCallback_withoutARecorder_leaveFlightRecorderUninitialised() {
        assertFalse(FlightRecorder.isInitialized(), "a runtime unit test started Flight Recorder");
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            Future<Object> f = loop.createFuture();
            Task<Object> task = loop.createTask(Weft.waitFor(f, java.time.Duration.ofSeconds(10)), "fails");
            loop.callSoon(() -> f.setException(new IllegalStateException("boom")));
            try {
                loop.runUntilComplete(task);
            } catch (IllegalStateException expected) {
                // the task failed: its completion went through FlightEvents.taskFailed
            }
            assertTrue(task.done() && task.exception() instanceof IllegalStateException);
            FlightEvents.taskFailed(task, new IllegalStateException("again"));
            FlightEvents.slowCallback(Thread.currentThread(), "callback", 1, 1, List.of());
        } finally {
            loop.close();
        }
        assertFalse(FlightRecorder.isInitialized(), "emitting an event initialised Flight Recorder");
        // Initialising an event class registers it (and builds JFR's metadata), even with the
        // recorder itself not initialised: the event types must be absent. Asking initialises
        // the recorder, so this comes last.
        List<String> registered = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .map(EventType::getName).filter(n -> n.startsWith("dev.weft.")).collect(Collectors.toList());
        assertEquals(List.of(), registered, "an event class was initialised without a recorder");
    }
}
