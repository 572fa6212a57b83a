package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TaskDump without woven code: tasks whose coroutine is a {@code Weft.sleep}, before they start,
 * while they sleep, and on a closed loop. The woven chains are tested in the integration tests.
 */
class TaskDumpTest {

    private static void runFor(EventLoop loop, long millis) {
        Future<Void> later = loop.createFuture();
        loop.callLater(millis, () -> later.setResult(null));
        loop.runUntilComplete(later);
    }

    @Test
    void snapshot_beforeAndWhileASleepingTaskRuns_givesItsStateAndTimeLeft() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            loop.createTask(Weft.sleep(Duration.ofSeconds(3)), "sleeper");
            TaskInfo created = TaskDump.snapshot(loop).get(0);
            assertEquals(TaskInfo.State.CREATED, created.state());
            assertNull(created.waitsOn());

            runFor(loop, 1000);
            List<TaskInfo> tasks = TaskDump.snapshot(loop);
            assertEquals(1, tasks.size());
            TaskInfo sleeper = tasks.get(0);
            assertEquals("sleeper", sleeper.name());
            assertEquals(TaskInfo.State.SLEEPING, sleeper.state());
            assertEquals(Duration.ofSeconds(2), sleeper.sleepRemaining());
            assertEquals(0, sleeper.cancelling());
            assertEquals("weft tasks of <EventLoop idle clock=VirtualClock[1000000000 ns]> at loop time "
                    + "1.000 s: 1 pending task\n"
                    + "\"sleeper\" sleeping, 2.000 s left\n"
                    + "    at Weft.sleep(3000 ms)\n", TaskDump.text(loop));
            runFor(loop, 2000);
            assertTrue(TaskDump.snapshot(loop).isEmpty(), "the task finished its sleep");
        } finally {
            loop.close();
        }
    }

    @Test
    void snapshot_ofAClosedLoop_isEmpty() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        loop.createTask(Weft.sleep(10));
        loop.close();
        assertEquals(List.of(), TaskDump.snapshot(loop));
    }
}
