package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TaskDump;
import dev.weft.TaskDumps;
import dev.weft.TaskInfo;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.net.StreamReader;
import dev.weft.queue.Queue;
import dev.weft.sync.Lock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Task dumps of a program with nested awaits, a lock, a queue, a stream read, a sleep, a plain
 * future and a task awaiting another: the text and the records, taken on the loop thread, from another thread, and
 * over JMX.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskDumpTest {
    private static final String ME = TaskDumpTest.class.getName();
    /** The source line of each await the dump must show, recorded on that very line. */
    private final Map<String, Integer> lines = new HashMap<>();
    private final Lock lock = new Lock();
    private final Queue<String> queue = new Queue<>();

    private int line(String name) {
        int n = new Throwable().getStackTrace()[1].getLineNumber();
        lines.put(name, n);
        return n;
    }

    private String at(String method, String name) {
        return "    at " + ME + "." + method + "(TaskDumpTest.java:" + lines.get(name) + ")\n";
    }

    @Async
    Coroutine<Void> inner() {
        line("inner"); Weft.await(lock.acquire());
        lock.release();
        return Weft.done();
    }

    @Async
    Coroutine<Void> middle() {
        line("middle"); Weft.await(inner());
        return Weft.done();
    }

    @Async
    Coroutine<Void> outer() {
        line("outer"); Weft.await(middle());
        return Weft.done();
    }

    @Async
    Coroutine<String> consume() {
        line("consume"); return Weft.done(Weft.await(queue.get()));
    }

    @Async
    Coroutine<byte[]> readOne(StreamReader reader) {
        line("read"); return Weft.done(Weft.await(reader.readLine()));
    }

    @Async
    Coroutine<Void> nap() {
        line("nap"); Weft.await(Weft.sleep(Duration.ofMillis(2500)));
        return Weft.done();
    }

    @Async
    Coroutine<Void> join(Task<Void> other) {
        line("join"); Weft.await(other);
        return Weft.done();
    }

    @Async
    Coroutine<Object> waitOn(Future<Object> future) {
        line("future"); return Weft.done(Weft.await(future));
    }

    /** Starts every kind of waiter, lets each reach its await, and hands the dump to {@code check}. */
    @Async
    Coroutine<Void> program(java.util.function.Consumer<EventLoop> check) {
        Weft.await(lock.acquire());
        Task<Void> locker = Weft.createTask(outer(), "locker");
        Task<String> getter = Weft.createTask(consume(), "getter");
        Task<Void> sleeper = Weft.createTask(nap(), "sleeper");
        Task<Void> joiner = Weft.createTask(join(locker), "joiner");
        Future<Object> future = Weft.loop().createFuture();
        Task<Object> waiter = Weft.createTask(waitOn(future), "waiter");
        StreamReader stream = new StreamReader(Weft.loop(), 1024); // a connection's reader, fed by hand
        Task<byte[]> reader = Weft.createTask(readOne(stream), "reader");
        Weft.await(Weft.sleep(0));
        Weft.await(Weft.sleep(Duration.ofMillis(500)));
        Task<Void> fresh = Weft.createTask(nap(), "fresh");
        fresh.cancel();
        check.accept(Weft.loop());
        lock.release();
        queue.putNowait("item");
        future.setResult("done");
        stream.feedData("line\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Weft.await(Weft.gather(locker, getter, sleeper, joiner, waiter, reader));
        Weft.await(Weft.wait(List.of(fresh)));
        return Weft.done();
    }

    @Test
    void dumpTasks_onTheLoopThread_showsEachTasksChainInnermostFirstAndWhatItWaitsOn() {
        String[] dump = new String[1];
        new VirtualLoop().runWithoutReports(() -> program(loop -> dump[0] = Weft.dumpTasks()));
        String text = dump[0];
        assertTrue(text.startsWith("weft tasks of <EventLoop running clock=VirtualClock[500000000 ns]>"
                + " at loop time 0.500 s: 8 pending tasks\n"), text);
        assertTrue(text.contains("\"locker\" waiting on Lock.acquire() on <Lock [locked, waiters:1]>\n"
                + at("inner", "inner") + at("middle", "middle") + at("outer", "outer")), text);
        assertTrue(text.contains("\"getter\" waiting on Queue.get() on <Queue maxsize=0 getters[1]>\n"
                + "    at dev.weft.queue.Queue.get(Queue.java)\n" + at("consume", "consume")), text);
        assertTrue(text.contains("\"sleeper\" sleeping, 2.000 s left\n" + at("nap", "nap")), text);
        assertTrue(text.contains("\"joiner\" waiting on task 'locker' <Task pending name='locker' coro=<"
                + ME + ".outer(TaskDumpTest.java:"), text);
        assertTrue(text.contains(">>\n" + at("join", "join")), text);
        assertTrue(text.contains("\"waiter\" waiting on future <Future pending>\n" + at("waitOn", "future")), text);
        assertTrue(text.contains("\"reader\" waiting on StreamReader.readLine() on <StreamReader 0 bytes waiting>\n"
                + at("readOne", "read")), text);
        assertTrue(text.contains("\"fresh\" created, not started (cancelling: 1)\n    at " + ME + ".nap(TaskDumpTest.java:"), text);
        // the task taking the dump runs: its chain is its Java stack, from the dump's caller down
        assertTrue(text.contains("\"Task-"), text);
        assertTrue(text.matches("(?s).*\" running\n    at " + ME.replace(".", "\\.")
                + "\\.lambda\\$.*\n    at " + ME.replace(".", "\\.") + "\\.program\\(TaskDumpTest\\.java:\\d+\\)\n.*"), text);
    }

    @Test
    void snapshot_givesOneRecordPerPendingTask() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<TaskInfo>[] taken = new List[1];
        new VirtualLoop().runWithoutReports(() -> program(loop -> taken[0] = TaskDump.snapshot(loop)));
        Map<String, TaskInfo> byName = new HashMap<>();
        taken[0].forEach(t -> byName.put(t.name(), t));
        assertEquals(8, byName.size(), taken[0].toString());
        TaskInfo locker = byName.get("locker");
        assertEquals(TaskInfo.State.WAITING, locker.state());
        assertEquals(List.of("inner", "middle", "outer"),
                locker.awaitChain().stream().map(StackTraceElement::getMethodName).toList());
        assertEquals(lines.get("inner"), locker.innermost().getLineNumber());
        assertEquals("TaskDumpTest.java", locker.innermost().getFileName());
        TaskInfo sleeper = byName.get("sleeper");
        assertEquals(TaskInfo.State.SLEEPING, sleeper.state());
        assertEquals(Duration.ofSeconds(2), sleeper.sleepRemaining());
        assertNull(byName.get("waiter").sleepRemaining());
        assertEquals(TaskInfo.State.CREATED, byName.get("fresh").state());
        assertEquals(1, byName.get("fresh").cancelling());
        assertEquals(1, taken[0].stream().filter(t -> t.state() == TaskInfo.State.RUNNING).count());
    }

    @Async
    Coroutine<Void> blockTheLoop(CountDownLatch blocked, CountDownLatch release) {
        Task<Void> locker = Weft.createTask(outer(), "locker");
        Weft.await(lock.acquire());
        Weft.await(Weft.sleep(0));
        blocked.countDown();
        block(release); // blocks the loop thread, as a bad test would
        lock.release();
        Weft.await(locker);
        return Weft.done();
    }

    private static void block(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void text_fromAnotherThreadWhileTheLoopIsBlocked_readsItWithoutTheLoopAndSaysSo() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        VirtualLoop v = new VirtualLoop();
        v.loop.setBlockingThreshold(java.time.Duration.ZERO); // blocked on purpose: no watchdog warning
        Thread runner = new Thread(() -> v.runWithoutReports(() -> blockTheLoop(blocked, release)), "blocked-loop");
        runner.start();
        try {
            assertTrue(blocked.await(20, TimeUnit.SECONDS));
            String text = TaskDump.text(v.loop);
            assertTrue(text.contains(" (read on thread '" + Thread.currentThread().getName()
                    + "' while the loop's thread ran, without synchronisation: may be inconsistent)"), text);
            assertTrue(text.contains("\"locker\" waiting on Lock.acquire()"), text);
            // the blocked task shows the loop thread's stack: where it blocks (the latch, unless
            // sampled a moment early), the method that blocks, the coroutine that called it
            assertTrue(text.matches("(?s).*\" running\n(.*\n)?    at "
                    + ME.replace(".", "\\.") + "\\.block\\(.*\n    at "
                    + ME.replace(".", "\\.") + "\\.blockTheLoop\\(TaskDumpTest\\.java:\\d+\\)\n.*"), text);
        } finally {
            release.countDown();
            runner.join(20_000);
        }
    }

    @Async
    Coroutine<Void> idleUntil(CountDownLatch started, Future<Void> stop) {
        Task<Void> sleeper = Weft.createTask(nap(), "sleeper");
        started.countDown();
        Weft.await(stop);
        Weft.await(sleeper);
        return Weft.done();
    }

    @Test
    void mbean_dumpsEveryOpenLoopFromAnyThread() throws Exception {
        EventLoop loop = EventLoop.create();
        Future<Void> stop = loop.createFuture();
        CountDownLatch started = new CountDownLatch(1);
        Thread runner = new Thread(() -> loop.runUntilComplete(idleUntil(started, stop)), "jmx-loop");
        runner.start();
        try {
            assertTrue(started.await(20, TimeUnit.SECONDS));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(TaskDumps.OBJECT_NAME);
            for (int i = 0; i < 200 && !server.isRegistered(name); i++) {
                Thread.sleep(50); // registered on a daemon thread when the first loop was made
            }
            String text = (String) server.invoke(name, "dumpTasks", new Object[0], new String[0]);
            assertNotNull(text);
            assertTrue(text.contains("\"sleeper\" sleeping, "), text);
            assertTrue(text.contains("waiting on future <Future pending>\n    at " + ME + ".idleUntil("), text);
            assertTrue((Integer) server.getAttribute(name, "PendingTaskCount") >= 2);
        } finally {
            loop.callSoonThreadsafe(() -> stop.setResult(null));
            runner.join(20_000);
            loop.close();
        }
    }
}
