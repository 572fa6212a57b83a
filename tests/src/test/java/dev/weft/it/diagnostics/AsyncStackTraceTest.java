package dev.weft.it.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces: after a resume, the awaiting callers (not on the Java stack) appear in the
 * trace of an exception that crosses an await, and in {@link Weft#asyncStackTrace} of a
 * throwable taken there, with their original names and the lines of their awaits — for awaits of
 * coroutines, tasks, weft futures and CompletableFutures alike.
 */
class AsyncStackTraceTest {
    static final String ME = AsyncStackTraceTest.class.getName();
    static final String BOUNDARY = "dev.weft.async.awaitedBy";

    /**
     * The coroutine frames of this class (not the test methods, whose names have a '_') and the
     * weft boundaries, as {@code method:line}, innermost first; a lambda without its number.
     */
    static List<String> frames(StackTraceElement[] trace) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : trace) {
            if ((e.getClassName() + "." + e.getMethodName()).equals(BOUNDARY)) {
                out.add("|" + e.getFileName());
            } else if (e.getClassName().equals(ME) && !e.getMethodName().contains("_")) {
                out.add(e.getMethodName().replaceAll("\\$\\d+$", "") + ":" + e.getLineNumber());
            }
        }
        return out;
    }

    // ---- a throwable taken after a resume (what a logger does) -------------------------------

    static final List<StackTraceElement[]> taken = new ArrayList<>();

    @Async
    static Coroutine<Void> logsAfterResume() {
        Weft.await(Weft.sleep(0));
        Throwable here = new Throwable("log call site");
        taken.add(here.getStackTrace());
        taken.add(Weft.asyncStackTrace(here));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> logMiddle() {
        Weft.await(logsAfterResume());
        return Weft.done();
    }

    @Async
    static Coroutine<Void> logOuter() {
        Weft.await(logMiddle());
        return Weft.done();
    }

    @Test
    void throwableTakenAfterResume_asyncStackTraceShowsSuspendedCallers() {
        taken.clear();
        Weft.run(logOuter());
        assertEquals(List.of("logsAfterResume:52"), frames(taken.get(0)),
                "the Java stack alone holds only the resumed body");
        assertEquals(List.of("logsAfterResume:52", "logMiddle:60", "logOuter:66"),
                frames(taken.get(1)));
        StackTraceElement[] async = taken.get(1);
        assertEquals("dev.weft.internal.Frame.run", async[3].getClassName() + "." + async[3].getMethodName(),
                "the callers go just above the trampoline: " + Arrays.toString(async));
    }

    @Async
    static Coroutine<Void> logsAfterCalleeFinished() {
        Weft.await(logsAfterResume()); // finishes after a resume: this frame is resumed by the trampoline
        Throwable here = new Throwable();
        taken.add(Weft.asyncStackTrace(here));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> logOuter2() {
        Weft.await(logsAfterCalleeFinished());
        return Weft.done();
    }

    @Test
    void throwableTakenInACallerTheTrampolineResumed_showsItsCallers() {
        taken.clear();
        Weft.run(logOuter2());
        assertEquals(List.of("logsAfterCalleeFinished:86", "logOuter2:93"), frames(taken.get(2)));
    }

    @Test
    void asyncStackTraceOutsideATask_isTheTraceUnchanged() {
        Throwable t = new Throwable();
        assertArrayEquals(t.getStackTrace(), Weft.asyncStackTrace(t));
        assertThrows(NullPointerException.class, () -> Weft.asyncStackTrace(null));
    }

    // ---- a task awaits a plain future that fails later -------------------------------------

    @Async
    static Coroutine<Void> awaitsFuture(Future<Void> f) {
        Weft.await(f);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> futureOuter(Future<Void> f) {
        Weft.await(awaitsFuture(f));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> failsFutureSoon() {
        Future<Void> f = Weft.loop().createFuture();
        Weft.loop().callSoon(() -> f.setException(new IllegalStateException("from a callback")));
        Weft.await(Weft.createTask(futureOuter(f), "awaiter"));
        return Weft.done();
    }

    @Test
    void pendingFutureFails_traceShowsTheAwaitingFramesAfterABoundary() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(failsFutureSoon()));
        List<String> frames = frames(e.getStackTrace());
        assertEquals(List.of("lambda$failsFutureSoon:128", "|awaiter", "awaitsFuture:115",
                "futureOuter:121", "|Task-", "failsFutureSoon:129"), strip(frames), "trace " + frames);
    }

    /** Task names carry a counter: keep only their prefix. */
    static List<String> strip(List<String> frames) {
        List<String> out = new ArrayList<>();
        for (String f : frames) {
            out.add(f.startsWith("|Task-") ? "|Task-" : f);
        }
        return out;
    }

    @Async
    static Coroutine<Void> awaitsFailedFuture() {
        Future<Void> f = Weft.loop().createFuture();
        f.setException(new IllegalArgumentException("failed before the await"));
        Weft.await(Weft.sleep(0));
        Weft.await(f);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> failedOuter() {
        Weft.await(awaitsFailedFuture());
        return Weft.done();
    }

    @Test
    void alreadyFailedFuture_traceShowsTheAwaitAndItsSuspendedCallers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Weft.run(failedOuter()));
        List<String> frames = strip(frames(e.getStackTrace()));
        assertEquals(List.of("awaitsFailedFuture:153", "failedOuter:161", "|Task-", "awaitsFailedFuture:155",
                "failedOuter:161"), frames);
    }

    // ---- a task awaits another task that fails after a resume -----------------------------

    @Async
    static Coroutine<Void> childFails() {
        Weft.await(Weft.sleep(0));
        throw new UnsupportedOperationException("child");
    }

    @Async
    static Coroutine<Void> childMiddle() {
        Weft.await(childFails());
        return Weft.done();
    }

    @Async
    static Coroutine<Void> awaitsChildTask() {
        Task<Void> child = Weft.createTask(childMiddle(), "child");
        Weft.await(child);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> taskOuter() {
        Weft.await(awaitsChildTask());
        return Weft.done();
    }

    @Test
    void awaitedTaskFails_traceShowsItsFramesThenTheAwaitingTasksFrames() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Weft.run(taskOuter()));
        List<String> frames = strip(frames(e.getStackTrace()));
        assertEquals(List.of("childFails:179", "childMiddle:184", "|Task-", "awaitsChildTask:191",
                "taskOuter:197"), frames);
    }

    // ---- a CompletableFuture completed on another thread ---------------------------------

    @Async
    static Coroutine<Void> awaitsStage(CompletableFuture<Void> cf) {
        Weft.await(cf);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> stageOuter(CompletableFuture<Void> cf) {
        Weft.await(awaitsStage(cf));
        return Weft.done();
    }

    @Test
    void completableFutureFailsOnAnotherThread_traceShowsTheAwaitingFrames() throws Exception {
        CompletableFuture<Void> cf = new CompletableFuture<>();
        Thread completer = new Thread(() -> {
            try {
                Thread.sleep(20); // only to make the await find it pending, usually; either way works
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            cf.completeExceptionally(new ArithmeticException("elsewhere"));
        });
        completer.start();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Weft.run(stageOuter(cf)));
        completer.join();
        List<String> frames = strip(frames(e.getStackTrace()));
        assertEquals(List.of("|Task-", "awaitsStage:214", "stageOuter:220"), frames);
    }

    // ---- a cancellation delivered at an await ---------------------------------------------

    @Async
    static Coroutine<Void> sleepsLong() {
        Weft.await(Weft.sleep(60_000));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> sleepOuter() {
        Weft.await(sleepsLong());
        return Weft.done();
    }

    @Async
    static Coroutine<Throwable> cancelsChild() {
        Task<Void> child = Weft.createTask(sleepOuter(), "sleeper");
        Weft.await(Weft.sleep(0));
        child.cancel();
        try {
            Weft.await(child);
        } catch (CancelledError e) {
            return Weft.done(e);
        }
        return Weft.done(null);
    }

    @Test
    void cancellation_traceStartsAtTheAwaitItInterrupted() {
        Throwable e = Weft.run(cancelsChild());
        List<String> frames = strip(frames(e.getStackTrace()));
        assertEquals(List.of("sleepsLong:246", "sleepOuter:252", "|Task-", "cancelsChild:262"), frames,
                "the sleeper's own chain first, then the task that awaited it");
    }

    @Test
    void alreadyFailedCompletableFuture_traceShowsTheAwaitingFrames() {
        CompletableFuture<Void> cf = CompletableFuture.failedFuture(new ArithmeticException("before"));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Weft.run(stageOuter(cf)));
        assertEquals(List.of("|Task-", "awaitsStage:214", "stageOuter:220"), strip(frames(e.getStackTrace())));
    }

    @Test
    void failureAwaitedByTwoTasks_showsEachAwaiterAfterItsOwnBoundary() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(twoAwaiters()));
        List<String> frames = frames(e.getStackTrace());
        assertEquals(List.of("lambda$twoAwaiters:298", "|first", "awaitsFuture:115", "futureOuter:121",
                "|second", "awaitsFuture:115", "futureOuter:121"), frames.subList(0, 7), "trace " + frames);
    }

    @Async
    static Coroutine<Void> twoAwaiters() {
        Future<Void> f = Weft.loop().createFuture();
        Task<Void> first = Weft.createTask(futureOuter(f), "first");
        Task<Void> second = Weft.createTask(futureOuter(f), "second");
        Weft.await(Weft.sleep(0));
        Weft.loop().callSoon(() -> f.setException(new IllegalStateException("shared")));
        Weft.await(Weft.gather(List.of(first, second), true));
        Weft.await(first);
        return Weft.done();
    }
}
