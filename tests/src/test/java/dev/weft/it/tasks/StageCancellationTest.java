package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 8: awaiting a {@code CompletableFuture} and then being cancelled cancels that
 * future, as asyncio cancels the concurrent future it wraps ({@code wrap_future}) — unless it is
 * shielded; a {@code Weft.waitFor} that times out cancels it too. Virtual time; the
 * Python 3.13 twin prints "awaited future cancelled: True", "timeout; future cancelled: True",
 * "shielded task cancelled; future cancelled: False".
 */
class StageCancellationTest {

    @Async
    static Coroutine<Object> awaitStage(CompletionStage<Object> stage) {
        return Weft.done(Weft.await(stage));
    }

    @Async
    static Coroutine<Object> awaitShielded(CompletableFuture<Object> cf) {
        return Weft.done(Weft.await(Weft.shield(cf)));
    }

    /** How {@code task} ends when awaited {@code times} times: the same each time. */
    @Async
    static Coroutine<String> outcome(Task<?> task, int times) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            try {
                seen.add("value " + Weft.await(task));
            } catch (CancelledError e) {
                seen.add("cancelled");
            }
        }
        return Weft.done(seen.stream().distinct().count() == 1 ? seen.get(0) + " x" + times : seen.toString());
    }

    @Async
    static Coroutine<List<String>> cancelAwaiters() {
        List<String> log = new ArrayList<>();
        CompletableFuture<Object> plain = new CompletableFuture<>();
        Task<Object> waiter = Weft.createTask(awaitStage(plain));
        Weft.await(Weft.sleep(1));
        waiter.cancel();
        log.add("right after cancel(): future cancelled " + plain.isCancelled());
        waiter.cancel("twice");
        log.add("awaiting task " + Weft.await(outcome(waiter, 3)));

        CompletableFuture<Object> shielded = new CompletableFuture<>();
        Task<Object> protectedWaiter = Weft.createTask(awaitShielded(shielded));
        Weft.await(Weft.sleep(1));
        protectedWaiter.cancel();
        protectedWaiter.cancel();
        log.add("shielded task " + Weft.await(outcome(protectedWaiter, 3)) + ", future cancelled "
                + shielded.isCancelled());
        shielded.complete("late");
        Weft.await(Weft.sleep(1));

        CompletableFuture<Object> done = CompletableFuture.completedFuture("done");
        Task<Object> finished = Weft.createTask(awaitStage(done));
        Weft.await(Weft.sleep(1));
        log.add("cancel a finished task " + finished.cancel() + ", " + Weft.await(outcome(finished, 2)));

        CompletableFuture<Object> source = new CompletableFuture<>();
        Task<Object> minimal = Weft.createTask(awaitStage(source.minimalCompletionStage()));
        Weft.await(Weft.sleep(1));
        minimal.cancel();
        log.add("minimal stage: task " + Weft.await(outcome(minimal, 1)) + ", its source cancelled "
                + source.isCancelled());
        return Weft.done(log);
    }

    @Test
    void cancel_taskAwaitingCompletableFuture_cancelsTheFutureUnlessShielded() {
        VirtualLoop v = new VirtualLoop();
        List<String> log = v.runWithoutReports(StageCancellationTest::cancelAwaiters);

        assertEquals(List.of("right after cancel(): future cancelled true", "awaiting task cancelled x3",
                "shielded task cancelled x3, future cancelled false", "cancel a finished task false, value done x2",
                "minimal stage: task cancelled x1, its source cancelled false"), log);
    }

    @Async
    static Coroutine<List<String>> stageCancelled() {
        List<String> log = new ArrayList<>();
        CompletableFuture<Object> shared = new CompletableFuture<>();
        Task<Object> first = Weft.createTask(awaitStage(shared));
        Task<Object> second = Weft.createTask(awaitStage(shared));
        Weft.await(Weft.sleep(1));
        first.cancel();
        log.add("first " + Weft.await(outcome(first, 2)) + ", second " + Weft.await(outcome(second, 2))
                + ", ended cancelled " + first.cancelled() + " " + second.cancelled());
        CompletableFuture<Object> gone = new CompletableFuture<>();
        gone.cancel(false);
        Task<Object> late = Weft.createTask(awaitStage(gone));
        log.add("awaiting an already cancelled future: " + Weft.await(outcome(late, 2)) + ", ended cancelled "
                + late.cancelled());
        CompletableFuture<Object> fromThread = new CompletableFuture<>();
        Task<Object> waiting = Weft.createTask(awaitStage(fromThread));
        Weft.await(Weft.sleep(1));
        Thread canceller = new Thread(() -> fromThread.cancel(false));
        canceller.start();
        log.add("cancelled by another thread: " + Weft.await(outcome(waiting, 1)));
        return Weft.done(log);
    }

    @Test
    void await_completableFutureCancelledElsewhere_awaiterGetsCancelledError() {
        // Python 3.13: a task awaiting wrap_future(f) of a cancelled f ends cancelled, and so do
        // the others waiting on f when one of them is cancelled.
        List<String> log = new VirtualLoop().runWithoutReports(StageCancellationTest::stageCancelled);

        assertEquals(List.of("first cancelled x2, second cancelled x2, ended cancelled true true",
                "awaiting an already cancelled future: cancelled x2, ended cancelled true",
                "cancelled by another thread: cancelled x1"), log);
    }

    @Async
    static Coroutine<List<String>> timeOut() {
        List<String> log = new ArrayList<>();
        for (Duration d : List.of(Duration.ofMillis(100), Duration.ZERO)) {
            CompletableFuture<Object> cf = new CompletableFuture<>();
            try {
                Weft.await(Weft.waitFor(cf, d));
                log.add("completed?");
            } catch (TimeoutError e) {
                log.add("waitFor " + d.toMillis() + " ms timed out, future cancelled " + cf.isCancelled());
            }
        }
        CompletableFuture<Object> scoped = new CompletableFuture<>();
        try {
            Weft.await(Weft.timeout(Duration.ofMillis(10)).run(awaitStage(scoped)));
        } catch (TimeoutError e) {
            log.add("timeout scope expired, future cancelled " + scoped.isCancelled());
        }
        CompletableFuture<Object> gathered = new CompletableFuture<>();
        Future<List<Object>> all = Weft.gather(List.of(gathered));
        Weft.await(Weft.sleep(1));
        all.cancel();
        Weft.await(Weft.sleep(1));
        log.add("cancelled gather: future cancelled " + gathered.isCancelled());
        return Weft.done(log);
    }

    @Test
    void waitFor_completableFutureTimesOut_cancelsTheFuture() {
        List<String> log = new VirtualLoop().runWithoutReports(StageCancellationTest::timeOut);

        assertEquals(List.of("waitFor 100 ms timed out, future cancelled true",
                "waitFor 0 ms timed out, future cancelled true", "timeout scope expired, future cancelled true",
                "cancelled gather: future cancelled true"), log);
    }
}
