package dev.weft.it.eager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.testing.StepLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} methods returning {@code CompletableFuture}/{@code CompletionStage} called on a
 * loop thread: the body runs inside the call until it first suspends, then goes on as a task of
 * the loop; all on virtual time.
 */
class EagerOnLoopTest {

    @Async
    static CompletableFuture<String> fetch(StepLog log, int before, int after, Future<String> f) {
        log.expect(before, "body starts");
        String v = Weft.await(f);
        log.expect(after, "body resumes");
        return CompletableFuture.completedFuture(v + "!");
    }

    @Async
    static Coroutine<String> callAndAwait(StepLog log) {
        Future<String> f = Weft.loop().createFuture();
        log.expect(1, "caller");
        CompletableFuture<String> cf = fetch(log, 2, 5, f);
        log.expect(3, "call returned");
        assertFalse(cf.isDone());
        Weft.loop().callLater(10, () -> {
            log.expect(4, "complete f");
            f.setResult("v");
        });
        String v = Weft.await(cf);
        log.expect(6, "caller resumes");
        return Weft.done(v);
    }

    @Test
    void awaitedOnLoop_bodyRunsInsideTheCallThenAsATask() {
        StepLog log = new StepLog();
        assertEquals("v!", new VirtualLoop().runWithoutReports(() -> callAndAwait(log)));
        log.finish(7);
    }

    @Async
    static CompletableFuture<Integer> noSuspension(int x) {
        return CompletableFuture.completedFuture(x * 2);
    }

    @Async
    static Coroutine<Boolean> callNoSuspension() {
        CompletableFuture<Integer> cf = noSuspension(21);
        assertTrue(cf.isDone(), "a body that never suspends yields a completed future");
        assertEquals(42, cf.join());
        return Weft.done(Weft.await(noSuspension(1)) == 2);
    }

    @Test
    void nonSuspendingBody_returnsCompletedFuture() {
        assertTrue(new VirtualLoop().runWithoutReports(EagerOnLoopTest::callNoSuspension));
    }

    @Async
    static CompletionStage<String> stage(long millis, String v) {
        Weft.await(Weft.sleep(millis));
        return CompletableFuture.completedStage(v);
    }

    @Async
    static CompletionStage<String> stageAtOnce(String v) {
        return CompletableFuture.completedStage(v);
    }

    @Async
    static Coroutine<String> awaitStages() {
        CompletionStage<String> at = stageAtOnce("a");
        assertTrue(at.toCompletableFuture().isDone());
        return Weft.done(Weft.await(at) + Weft.await(stage(5, "b")));
    }

    @Test
    void completionStageReturnType_completedStageAndSuspending() {
        assertEquals("ab", new VirtualLoop().runWithoutReports(EagerOnLoopTest::awaitStages));
    }

    @Async
    static CompletableFuture<String> failsAfter(long millis, Exception error) throws Exception {
        Weft.await(Weft.sleep(millis));
        throw error;
    }

    @Async
    static CompletableFuture<String> failsAtOnce(Exception error) throws Exception {
        throw error;
    }

    @Async
    static Coroutine<List<Object>> awaitFailures(IOException error) throws Exception {
        List<Object> seen = new ArrayList<>();
        CompletableFuture<String> atOnce = failsAtOnce(error);
        assertTrue(atOnce.isCompletedExceptionally(), "the call does not throw: its future fails");
        try {
            Weft.await(atOnce);
        } catch (Exception e) { // javac cannot know that await rethrows a checked exception
            seen.add(e);
        }
        try {
            Weft.await(failsAfter(3, error));
        } catch (Exception e) {
            seen.add(e);
        }
        return Weft.done(seen);
    }

    @Test
    void checkedException_unwrappedAtAwait() {
        IOException error = new IOException("boom");
        assertEquals(List.of(error, error), new VirtualLoop().runWithoutReports(() -> {
            try {
                return awaitFailures(error);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
    }

    @Async
    static Coroutine<CompletableFuture<String>> startFailing(IOException error) throws Exception {
        CompletableFuture<String> cf = failsAfter(3, error);
        Weft.await(Weft.sleep(10));
        return Weft.done(cf);
    }

    @Test
    void checkedException_completionExceptionAtJoin_executionExceptionAtGet() {
        IOException error = new IOException("boom");
        VirtualLoop vl = new VirtualLoop();
        CompletableFuture<String> cf = vl.runWithoutReports(() -> {
            try {
                return startFailing(error);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        CompletionException joined = assertThrows(CompletionException.class, cf::join);
        assertSame(error, joined.getCause());
        ExecutionException got = assertThrows(ExecutionException.class, cf::get);
        assertSame(error, got.getCause());
    }

    @Async
    static CompletableFuture<String> cancellable(StepLog log, Future<String> never) {
        try {
            log.expect(1, "body waits");
            return CompletableFuture.completedFuture(Weft.await(never));
        } catch (CancelledError e) {
            log.expect(3, "CancelledError at the await");
            throw e;
        } finally {
            log.expect(4, "finally");
        }
    }

    @Async
    static Coroutine<Boolean> cancelReturned(StepLog log) {
        Future<String> never = Weft.loop().createFuture();
        CompletableFuture<String> cf = cancellable(log, never);
        log.expect(2, "cancel");
        assertTrue(cf.cancel(true));
        assertTrue(cf.isCancelled(), "cancelled when cancel returns, as CompletableFuture promises");
        Weft.await(Weft.sleep(1));
        log.expect(5, "after");
        Cancellations.joinCancelled(cf);
        try {
            Weft.await(cf);
            return Weft.done(false);
        } catch (CancelledError e) {
            log.expect(6, "CancelledError at an await of the cancelled future, on every JDK");
        }
        return Weft.done(never.cancelled());
    }

    @Test
    void cancelReturnedFuture_cancelsBodyAtItsAwait_finallyRuns() {
        StepLog log = new StepLog();
        assertTrue(new VirtualLoop().runWithoutReports(() -> cancelReturned(log)),
                "the future the body awaited is cancelled, as a task's is");
        log.finish(7);
    }

    @Async
    static Coroutine<Void> cancelFromOtherThread(StepLog log) throws InterruptedException {
        Future<String> never = Weft.loop().createFuture();
        CompletableFuture<String> cf = cancellable(log, never);
        log.expect(2, "cancel from another thread");
        Thread t = new Thread(() -> cf.cancel(false));
        t.start();
        t.join();
        assertTrue(cf.isCancelled());
        Weft.await(Weft.sleep(1));
        log.expect(5, "after");
        return Weft.done();
    }

    @Test
    void cancelFromAnotherThread_reachesTheBodyThroughTheLoop() {
        StepLog log = new StepLog();
        new VirtualLoop().runWithoutReports(() -> {
            try {
                return cancelFromOtherThread(log);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        log.finish(6);
    }

    @Async
    static Coroutine<String> awaiterCancelled(StepLog log) {
        Future<String> never = Weft.loop().createFuture();
        Task<String> awaiter = Weft.createTask(awaitIt(cancellable(log, never)));
        Weft.await(Weft.sleep(1));
        log.expect(2, "cancel the awaiting task");
        awaiter.cancel();
        try {
            return Weft.done(Weft.await(awaiter));
        } catch (CancelledError e) {
            log.expect(5, "awaiter cancelled");
            return Weft.done("cancelled");
        }
    }

    @Async
    static Coroutine<String> awaitIt(CompletableFuture<String> cf) {
        return Weft.done(Weft.await(cf));
    }

    @Test
    void awaitingTaskCancelled_cancelsTheBody_asAwaitingATaskDoes() {
        StepLog log = new StepLog();
        assertEquals("cancelled", new VirtualLoop().runWithoutReports(() -> awaiterCancelled(log)));
        log.finish(6);
    }

    @Async
    static CompletableFuture<String> sleeper(List<String> log, String name, long millis) {
        log.add(name + " starts at " + VirtualLoop.nowMillis(Weft.loop()));
        Weft.await(Weft.sleep(millis));
        log.add(name + " ends at " + VirtualLoop.nowMillis(Weft.loop()));
        return CompletableFuture.completedFuture(name);
    }

    @Async
    static Coroutine<List<String>> ordering() {
        List<String> log = new ArrayList<>();
        CompletableFuture<String> a = sleeper(log, "a", 30);
        CompletableFuture<String> b = sleeper(log, "b", 10);
        log.add("both started");
        CompletableFuture<String> c = b.thenCompose(v -> sleeper(log, "c after " + v, 5));
        log.add(Weft.await(a) + Weft.await(c));
        return Weft.done(log);
    }

    @Test
    void ordering_bodiesStartInCallOrder_finishOnVirtualTime() {
        assertEquals(List.of("a starts at 0", "b starts at 0", "both started", "b ends at 10",
                "c after b starts at 10", "c after b ends at 15", "a ends at 30", "ac after b"),
                new VirtualLoop().runWithoutReports(EagerOnLoopTest::ordering));
    }

    @Async
    static CompletableFuture<List<Object>> whoRuns(Task<?> caller) {
        List<Object> seen = new ArrayList<>();
        Task<?> mine = Weft.currentTask().orElseThrow();
        seen.add(mine != caller);
        Weft.await(Weft.sleep(1));
        seen.add(Weft.currentTask().orElseThrow() == mine);
        return CompletableFuture.completedFuture(seen);
    }

    @Async
    static Coroutine<List<Object>> callWhoRuns() {
        Task<?> me = Weft.currentTask().orElseThrow();
        CompletableFuture<List<Object>> cf = whoRuns(me);
        assertSame(me, Weft.currentTask().orElseThrow(), "the caller's task is current again");
        return Weft.done(Weft.await(cf));
    }

    @Test
    void body_isItsOwnTask_fromItsFirstStep() {
        assertEquals(List.of(true, true), new VirtualLoop().runWithoutReports(EagerOnLoopTest::callWhoRuns));
    }

    @Async
    static CompletableFuture<String> delegates(CompletableFuture<String> other) {
        Weft.await(Weft.sleep(1));
        return other; // awaited: its value is the call's
    }

    @Async
    static Coroutine<String> callDelegates() {
        CompletableFuture<String> other = new CompletableFuture<>();
        Weft.loop().callLater(5, () -> other.complete("other"));
        return Weft.done(Weft.await(delegates(other)));
    }

    @Test
    void returningAnotherFuture_awaitsIt() {
        assertEquals("other", new VirtualLoop().runWithoutReports(EagerOnLoopTest::callDelegates));
    }

    @Test
    void fromPlainLoopCallback_bodyRunsAsTaskOfThatLoop() {
        VirtualLoop vl = new VirtualLoop();
        EventLoop loop = vl.loop;
        List<CompletableFuture<String>> out = new ArrayList<>();
        loop.callSoon(() -> out.add(sleeperOnly("cb", 4)));
        vl.runWithoutReports(() -> Weft.sleep(10));
        assertEquals("cb", out.get(0).join());
    }

    @Async
    static CompletableFuture<String> sleeperOnly(String v, long millis) {
        Weft.await(Weft.sleep(millis));
        return CompletableFuture.completedFuture(v);
    }

    @Test
    void completedFutureNotReturned_isOrdinaryCode() {
        assertEquals("x", new VirtualLoop().runWithoutReports(EagerOnLoopTest::callKept).join());
    }

    @Async
    static CompletableFuture<String> keepsCompleted() {
        CompletableFuture<String> kept = CompletableFuture.completedFuture("x");
        Weft.await(Weft.sleep(1));
        return kept;
    }

    @Async
    static Coroutine<CompletableFuture<String>> callKept() {
        CompletableFuture<String> cf = keepsCompleted();
        assertNotSame(null, cf);
        Weft.await(cf);
        return Weft.done(cf);
    }

    @Test
    void syncCancelledError_completesCancelled() {
        CompletableFuture<String> cf = new VirtualLoop().runWithoutReports(EagerOnLoopTest::callSelfCancelled);
        assertTrue(cf.isCancelled());
        assertEquals("at once", Cancellations.joinCancelled(cf).getMessage());
    }

    @Async
    static CompletableFuture<String> throwsCancelled() {
        throw new CancelledError("at once");
    }

    @Async
    static Coroutine<CompletableFuture<String>> callSelfCancelled() {
        return Weft.done(throwsCancelled());
    }

    @Async
    static Coroutine<CompletableFuture<String>> leaveRunning() {
        return Weft.done(sleeperOnly("never", 1000));
    }

    @Test
    void stillPendingWhenWeftRunEnds_cancelledWithTheLeftoverTasks() {
        CompletableFuture<String> cf = Weft.run(leaveRunning());
        assertTrue(cf.isCancelled());
    }

    /** More live values of every kind than the frame keeps in fields: the rest go to its arrays. */
    @Async
    static CompletableFuture<String> manyLiveValues(int a, long b, double c, float d, String e,
            Object f, boolean g, char h, short i, byte j, String k, Integer l) {
        int m = a + 1;
        String n = e + k;
        Weft.await(Weft.sleep(1));
        long o = b * 2;
        Weft.await(Weft.sleep(1));
        return CompletableFuture.completedFuture(a + " " + b + " " + c + " " + d + " " + e + " " + f
                + " " + g + " " + h + " " + i + " " + j + " " + k + " " + l + " " + m + " " + n + " " + o);
    }

    @Async
    static Coroutine<String> callManyLiveValues() {
        return Weft.done(Weft.await(manyLiveValues(1, 2L, 3.5, 4.5f, "e", List.of("f"), true, 'h',
                (short) 9, (byte) 10, "k", 12)));
    }

    @Test
    void manyLiveValuesOfEveryKind_surviveSuspensions() {
        assertEquals("1 2 3.5 4.5 e [f] true h 9 10 k 12 2 ek 4",
                new VirtualLoop().runWithoutReports(EagerOnLoopTest::callManyLiveValues));
    }

    /** An interface whose default method is eager. */
    interface Greeter {
        String name();

        @Async
        default CompletionStage<String> greet(long millis) {
            Weft.await(Weft.sleep(millis));
            return CompletableFuture.completedStage("hello " + name());
        }
    }

    /** An instance method, generic and varargs. */
    static final class Joiner implements Greeter {
        @Override
        public String name() {
            return "joiner";
        }

        @Async
        @SafeVarargs
        final <T> CompletableFuture<String> join(CompletableFuture<T>... parts) {
            StringBuilder b = new StringBuilder(name());
            for (CompletableFuture<T> p : parts) {
                b.append(' ').append(Weft.<T>await(p));
            }
            return CompletableFuture.completedFuture(b.toString());
        }
    }

    @Async
    static Coroutine<String> callShapes() {
        Joiner j = new Joiner();
        CompletableFuture<Integer> one = new CompletableFuture<>();
        Weft.loop().callLater(2, () -> one.complete(1));
        String joined = Weft.await(j.join(one, CompletableFuture.completedFuture(2)));
        return Weft.done(joined + ", " + Weft.await(j.greet(3)));
    }

    @Test
    void instanceGenericVarargsAndInterfaceDefaultMethods_areEagerToo() {
        assertEquals("joiner 1 2, hello joiner", new VirtualLoop().runWithoutReports(EagerOnLoopTest::callShapes));
    }
}
