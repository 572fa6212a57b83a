package dev.weft;

import dev.weft.internal.Frame;
import dev.weft.internal.WaitDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Task dumps: every pending task of a loop with its name, state and await chain, and what its
 * innermost frame waits on — the async counterpart of a JVM thread dump (Kotlin's
 * {@code DebugProbes.dumpCoroutines}, Python 3.14's {@code asyncio ps}).
 *
 * <p>Threading: any thread. On the loop thread the dump is exact. From another thread, a running
 * loop is asked to take the dump itself ({@link EventLoop#callSoonThreadsafe}); if it does not
 * answer within {@value #ANSWER_MILLIS} ms (its thread is blocked, which is often why one wants a
 * dump), the dump is read without synchronisation and says so: it may then be inconsistent, but
 * it never blocks and never changes the loop.
 */
public final class TaskDump {
    /*
     * Implementation overview. A suspended task keeps its innermost frame, and every frame points
     * at the frame that awaits it, so the chain is read innermost first without touching the Java
     * stack; each frame's line is the line of its pending await, which the weaver records per resume
     * point. What the innermost frame waits on comes from the task (a future, or a sleep whose
     * deadline is in the timer heap), described by the waiter itself when it is a primitive's
     * (WaitDescription). The task whose step runs now has its frames on the loop thread's
     * Java stack instead, so its chain is that stack, cut at the runtime's trampoline.
     */

    static final long ANSWER_MILLIS = 500;

    private TaskDump() {
    }

    /**
     * The pending tasks of {@code loop}, newest first; empty for a closed loop. Any thread.
     *
     * @throws NullPointerException if {@code loop} is null
     */
    public static List<TaskInfo> snapshot(EventLoop loop) {
        return take(loop).tasks;
    }

    /**
     * The text of a dump of {@code loop}: a header line, then per task a line with its name,
     * state and what it waits on, and its await chain as {@code at Class.method(File.java:line)}
     * lines, innermost first. Any thread.
     */
    public static String text(EventLoop loop) {
        Taken taken = take(loop);
        StringBuilder out = new StringBuilder();
        out.append("weft tasks of ").append(loop).append(" at loop time ")
                .append(seconds(loop.nanoTime())).append(": ").append(taken.tasks.size())
                .append(taken.tasks.size() == 1 ? " pending task" : " pending tasks");
        if (!taken.synchronised) {
            out.append(" (read on thread '").append(Thread.currentThread().getName())
                    .append("' while the loop's thread ran, without synchronisation: may be inconsistent)");
        }
        out.append('\n');
        for (TaskInfo t : taken.tasks) {
            format(t, out);
        }
        return out.toString();
    }

    /** The text of one task: its head line and its chain, each line ending in a newline. */
    public static String text(TaskInfo task) {
        StringBuilder out = new StringBuilder();
        format(task, out);
        return out.toString();
    }

    private static void format(TaskInfo t, StringBuilder out) {
        out.append('"').append(t.name()).append("\" ");
        switch (t.state()) {
            case CREATED: out.append("created, not started"); break;
            case RUNNING: out.append("running"); break;
            case READY: out.append("ready to run"); break;
            case SLEEPING: out.append("sleeping, ").append(seconds(t.sleepRemaining().toNanos()))
                    .append(" left"); break;
            default: out.append("waiting on ").append(t.waitsOn()); break;
        }
        if (t.cancelling() > 0) {
            out.append(" (cancelling: ").append(t.cancelling()).append(')');
        }
        out.append('\n');
        for (StackTraceElement e : t.awaitChain()) {
            out.append("    at ").append(e).append('\n');
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    // ---- taking the snapshot -----------------------------------------------------------------

    /** A snapshot, and whether it was taken on the loop thread or with the loop not running. */
    private static final class Taken {
        final List<TaskInfo> tasks;
        final boolean synchronised;

        Taken(List<TaskInfo> tasks, boolean synchronised) {
            this.tasks = tasks;
            this.synchronised = synchronised;
        }
    }

    private static Taken take(EventLoop loop) {
        if (loop.isClosed()) {
            return new Taken(List.of(), true);
        }
        if (loop.inOwnerThread() || !loop.isRunning()) {
            return new Taken(read(loop), true);
        }
        CompletableFuture<List<TaskInfo>> answer = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> answer.complete(read(loop)));
            return new Taken(answer.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer in time (or the loop closed meanwhile): read it as it stands
        }
        return new Taken(readRacily(loop), false);
    }

    /** Reads without synchronisation, retrying if a concurrent change broke the walk. */
    private static List<TaskInfo> readRacily(EventLoop loop) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return read(loop);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("the task dump could not be read while the loop runs", last);
    }

    private static List<TaskInfo> read(EventLoop loop) {
        List<Task<?>> tasks = loop.tasks.snapshot();
        Task<?> running = loop.currentTask;
        List<TaskInfo> infos = new ArrayList<>(tasks.size());
        for (Task<?> t : tasks) {
            infos.add(t == running ? describeRunning(loop, t) : describe(loop, t));
        }
        return infos;
    }

    private static TaskInfo describe(EventLoop loop, Task<?> t) {
        Frame innermost = t.innermostFrame();
        List<StackTraceElement> chain = chainFrom(innermost);
        if (innermost.isCreated()) {
            return new TaskInfo(t.getName(), TaskInfo.State.CREATED, t.cancelling(), chain, null, null);
        }
        if (t.sleeping()) {
            long now = loop.nanoTime();
            long left = Math.max(0, loop.sleepDeadline(t, now) - now);
            return new TaskInfo(t.getName(), TaskInfo.State.SLEEPING, t.cancelling(), chain,
                    "sleep, " + seconds(left) + " left", Duration.ofNanos(left));
        }
        Object waited = t.waitedFuture();
        if (waited instanceof Future && !((Future<?>) waited).done()) {
            return new TaskInfo(t.getName(), TaskInfo.State.WAITING, t.cancelling(), chain,
                    describeWait(innermost, (Future<?>) waited), null);
        }
        return new TaskInfo(t.getName(), TaskInfo.State.READY, t.cancelling(), chain, null, null);
    }

    /** The running task: its frames are on the loop thread's Java stack, above the trampoline. */
    static TaskInfo describeRunning(EventLoop loop, Task<?> t) {
        Thread thread = loop.ownerThread();
        boolean self = thread == Thread.currentThread();
        List<StackTraceElement> chain = new ArrayList<>();
        StackTraceElement[] stack = thread.getStackTrace();
        int i = 0;
        while (self && i < stack.length && isDumpMachinery(stack[i])) {
            i++;
        }
        for (; i < stack.length && !isTrampoline(stack[i]); i++) {
            if (!stack[i].getClassName().contains("$$Lambda")) { // a woven body's handle: noise
                chain.add(plain(stack[i]));
            }
        }
        // Frames that await the one running now are not on the Java stack: follow the chain.
        for (Frame f = t.innermostFrame().awaiter(); f != null; f = f.awaiter()) {
            chain.add(f.where());
        }
        return new TaskInfo(t.getName(), TaskInfo.State.RUNNING, t.cancelling(), chain, null, null);
    }

    /** {@code e} without its class loader and module names, as a woven frame's site reads. */
    private static StackTraceElement plain(StackTraceElement e) {
        return new StackTraceElement(e.getClassName(), e.getMethodName(), e.getFileName(),
                e.getLineNumber());
    }

    private static boolean isDumpMachinery(StackTraceElement e) {
        String c = e.getClassName();
        return c.equals("java.lang.Thread") || c.equals(TaskDump.class.getName())
                || c.equals(Weft.class.getName());
    }

    private static boolean isTrampoline(StackTraceElement e) {
        return e.getClassName().equals(Task.class.getName())
                || e.getClassName().equals(Frame.class.getName()) && e.getMethodName().equals("run");
    }

    private static List<StackTraceElement> chainFrom(Frame innermost) {
        List<StackTraceElement> chain = new ArrayList<>();
        for (Frame f = innermost; f != null; f = f.awaiter()) {
            chain.add(f.where());
        }
        return chain;
    }

    /** What {@code innermost} waits on in {@code future}, as the waiter describes it if it can. */
    private static String describeWait(Frame innermost, Future<?> future) {
        if (innermost instanceof WaitDescription) {
            return ((WaitDescription) innermost).describeWait(); // a queue's waiter is a frame
        }
        if (future instanceof WaitDescription) {
            return ((WaitDescription) future).describeWait();
        }
        if (future instanceof Task) {
            return "task '" + ((Task<?>) future).getName() + "' " + future;
        }
        return "future " + future;
    }
}
