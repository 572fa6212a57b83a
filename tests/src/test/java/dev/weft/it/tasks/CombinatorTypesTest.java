package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Types that infer (issue 12, point 10): {@code gather}, {@code wait} and {@code asCompleted} take
 * their element type from typed collections of tasks, futures or coroutines, and still accept
 * mixed ones. Most of the checking is done by the compiler: each assignment below compiles only
 * if the type was inferred ({@code var} would otherwise be {@code Future<Object>} and
 * {@code String s = ...} would not compile); running it checks the values.
 */
class CombinatorTypesTest {

    @Async
    static Coroutine<String> after(long millis, String value) {
        Weft.await(Weft.sleep(millis));
        return Weft.done(value);
    }

    @Async
    static Coroutine<String> typed() {
        List<Task<String>> tasks = new ArrayList<>();
        tasks.add(Weft.createTask(after(20, "a")));
        tasks.add(Weft.createTask(after(10, "b")));
        StringBuilder order = new StringBuilder();
        for (var f : Weft.asCompleted(tasks)) {
            String s = Weft.await(f); // compiles only if f is a Future<String>
            order.append(s);
        }
        for (var f : Weft.asCompleted(tasks, Duration.ofSeconds(1))) {
            order.append(Weft.await(f).length());
        }
        List<Coroutine<String>> coros = List.of(after(5, "x"), after(1, "y"));
        var gathered = Weft.await(Weft.gather(coros));
        String first = gathered.get(0);
        Set<Future<String>> futures = new LinkedHashSet<>(tasks);
        List<String> fromFutures = Weft.await(Weft.gather(futures, true));
        var waited = Weft.await(Weft.wait(tasks));
        WaitResult<String> same = waited;
        var timed = Weft.await(Weft.wait(List.of(after(1, "w")), Duration.ofMillis(50), ReturnWhen.ALL_COMPLETED));
        String w = Weft.await(timed.done().iterator().next());
        List<String> mixedTyped = Weft.await(Weft.gather(tasks.get(0), after(1, "c"))); // a task and a coroutine
        return Weft.done(order + " " + first + gathered.get(1) + " " + fromFutures + " " + same.done().size()
                + " " + w + " " + mixedTyped);
    }

    @Test
    void typedCollections_inferTheElementType() {
        assertEquals("ba11 xy [a, b] 2 w [a, c]", new VirtualLoop().runWithoutReports(CombinatorTypesTest::typed));
    }

    @Async
    static Coroutine<String> mixed() {
        List<Object> any = List.of(after(1, "coro"), Weft.createTask(after(2, "task")),
                CompletableFuture.completedFuture("stage"));
        List<Object> all = Weft.await(Weft.gather(any));
        List<Object> again = List.of(after(1, "coro"), CompletableFuture.completedFuture("stage"));
        List<String> named = Weft.await(Weft.<String>gather(again));
        StringBuilder order = new StringBuilder();
        for (Future<Object> f : Weft.asCompleted(List.of(Weft.createTask(after(1, "1")), CompletableFuture.completedFuture(2)))) {
            order.append(Weft.await(f));
        }
        WaitResult<Object> waited = Weft.await(Weft.wait(List.<Object>of(after(1, "z"))));
        return Weft.done(all + " " + named.get(0).length() + " " + order.length() + " " + waited.done().size());
    }

    @Test
    void mixedCollections_areStillAccepted() {
        assertEquals("[coro, task, stage] 4 2 1", new VirtualLoop().runWithoutReports(CombinatorTypesTest::mixed));
    }
}
