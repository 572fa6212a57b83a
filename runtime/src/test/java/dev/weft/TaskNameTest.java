package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Default task names ({@code Task-<n>}): unique in the process, as asyncio's, also when loops on
 * two threads create tasks at the same time (a plain static counter lost increments there).
 */
class TaskNameTest {
    private static final int TASKS_PER_LOOP = 50_000;

    @Test
    void getName_defaultName_isTaskDashNumber() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            Task<Void> task = loop.createTask(Weft.sleep(0));
            assertTrue(task.getName().matches("Task-[1-9][0-9]*"), task.getName());
            loop.runUntilComplete(task);
        } finally {
            loop.close();
        }
    }

    @Test
    void defaultName_numberBeyondAnInt_isMadeAtCreationSoNamesStayUnique() {
        // Most tasks keep their number in an int and build the name when asked; from the 2^32nd
        // task on the number no longer fits, so the name is made at once from the full count.
        assertNull(Task.defaultName(1), "fits: built when asked for");
        assertNull(Task.defaultName(0xFFFF_FFFFL), "fits as an unsigned int");
        assertEquals("Task-4294967296", Task.defaultName(1L << 32));
        assertEquals("Task-9223372036854775807", Task.defaultName(Long.MAX_VALUE));
    }

    @Test
    void setName_afterCreation_replacesTheDefaultName() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            Task<Void> task = loop.createTask(Weft.sleep(0));
            task.setName("renamed");
            assertEquals("renamed", task.getName());
            assertTrue(task.toString().contains("name='renamed'"), task.toString());
            loop.runUntilComplete(task);
        } finally {
            loop.close();
        }
    }

    @Test
    void getName_loopsOnTwoThreadsCreatingTasksAtOnce_allDefaultNamesDistinct() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<List<String>> names = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> mine = new ArrayList<>(TASKS_PER_LOOP);
            names.add(mine);
            Thread t = new Thread(() -> {
                try {
                    createTasks(start, mine);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "loop-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!t.isAlive(), t.getName() + " did not finish");
        }
        assertEquals(List.of(), failures);
        Set<String> distinct = new HashSet<>(names.get(0));
        distinct.addAll(names.get(1));
        assertEquals(2 * TASKS_PER_LOOP, distinct.size(), "default task names given twice");
    }

    /** On a loop of this thread's own: creates the tasks (names read at once), then runs them. */
    private static void createTasks(CyclicBarrier start, List<String> names) throws Exception {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            start.await(30, TimeUnit.SECONDS);
            Task<Void> last = null;
            for (int i = 0; i < TASKS_PER_LOOP; i++) {
                last = loop.createTask(Weft.sleep(0));
                names.add(last.getName());
            }
            loop.runUntilComplete(last);
        } finally {
            loop.close();
        }
    }
}
