package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's bad input: cancelling a group's task and a gather twice, awaiting them many times,
 * cancelling them once finished; asyncio 3.13's answers, no exception from weft, nothing left on
 * the loop. The Python twin prints {@code cancel True True}, both children cancelled (asyncio's
 * order is that of a set; weft's is creation order), three cancelled awaits,
 * {@code cancelled=True cancelling=2 cancel again=False}, {@code gcancel True True}, both gathered
 * children cancelled, {@code gather cancelled}, {@code gcancel finished False},
 * {@code tasks left 1}.
 */
class CancellationBadInputTest {

    @Async
    static Coroutine<Void> child(List<String> log, String name) {
        try {
            Weft.await(Weft.sleep(1000));
        } catch (CancelledError e) {
            log.add(name + " cancelled");
            throw e;
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> spawn(TaskGroup tg, List<String> log) {
        tg.createTask(child(log, "c1"));
        tg.createTask(child(log, "c2"));
        return Weft.done();
    }

    @Async
    static Coroutine<Void> body(List<String> log) {
        return Weft.done(Weft.await(TaskGroup.run(tg -> spawn(tg, log))));
    }

    @Async
    static Coroutine<List<String>> main() {
        List<String> log = new ArrayList<>();
        Task<Void> t = Weft.createTask(body(log));
        Weft.await(Weft.sleep(0));
        log.add("cancel " + t.cancel() + " " + t.cancel());
        for (int i = 0; i < 3; i++) {
            try {
                Weft.await(t);
            } catch (CancelledError e) {
                log.add("await " + i + " cancelled");
            }
        }
        log.add("cancelled=" + t.cancelled() + " cancelling=" + t.cancelling() + " cancel again=" + t.cancel());
        Future<List<Void>> g = Weft.gather(child(log, "g1"), child(log, "g2"));
        Weft.await(Weft.sleep(0));
        log.add("gcancel " + g.cancel() + " " + g.cancel());
        try {
            Weft.await(g);
        } catch (CancelledError e) {
            log.add("gather cancelled");
        }
        log.add("gcancel finished " + g.cancel());
        Weft.await(Weft.sleep(0));
        log.add("tasks left " + Weft.allTasks().size());
        return Weft.done(log);
    }

    @Test
    void cancellingTwice_awaitingManyTimes_cancellingWhenFinished_behaveAsInAsyncio() {
        assertEquals(List.of("cancel true true", "c1 cancelled", "c2 cancelled", "await 0 cancelled", "await 1 cancelled",
                "await 2 cancelled", "cancelled=true cancelling=2 cancel again=false", "gcancel true true", "g1 cancelled",
                "g2 cancelled", "gather cancelled", "gcancel finished false", "tasks left 1"),
                new VirtualLoop().runWithoutReports(CancellationBadInputTest::main));
    }
}
