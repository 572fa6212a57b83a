package dev.weft.examples.guide;

import static java.lang.System.Logger.Level.WARNING;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Generator;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Output;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import dev.weft.queue.Queue;
import dev.weft.sync.Held;
import dev.weft.sync.Lock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fragments of the README's tour, each in a method that gives it the variables it uses, so
 * that they compile, are woven and run ({@link TourTest} runs each one and checks what it did).
 */
final class Tour {
    private static final System.Logger log = System.getLogger("tour");

    private Tour() {
    }

    @Async static Generator<Long, Void> fib() {
        long a = 0, b = 1;
        for (;;) { Weft.yield(a); long t = a + b; a = b; b = t; }
    }

    static void printFibonacci() {
        fib().stream().limit(10).forEach(System.out::println);
    }

    @Async
    static Coroutine<Boolean> holdLock(Lock lock) {
        try (Held held = Weft.await(lock.hold())) {
            Weft.await(Weft.sleep(10)); // the lock is held across awaits, released however the block ends
        }
        return Weft.done(lock.locked());
    }

    @Async
    static Coroutine<String> queueJob() {
        Queue<String> jobs = new Queue<>(2);                  // put waits while two items are queued
        Weft.await(jobs.put("job"));
        String job = Weft.await(Weft.waitFor(jobs.get(), Duration.ofSeconds(1)));
        jobs.taskDone();
        return Weft.done(job);
    }

    @Async
    static Coroutine<List<String>> pages(EventLoop loop, List<Task<String>> tasks) {
        List<String> pages = new ArrayList<>();
        loop.setExceptionHandler(ctx ->
                log.log(WARNING, ctx.message() + " in " + ctx.task().map(Task::getName).orElse("?"), ctx.exception()));
        for (var next : Weft.asCompleted(tasks)) {            // List<Task<String>> tasks
            String page = Weft.await(next);
            pages.add(page);
        }
        return Weft.done(pages);
    }

    /** A blocking client, as JDBC is. */
    record Jdbc(String answer) {
        String queryOne(String sql) {
            return answer + " for " + sql;
        }
    }

    @Async
    static Coroutine<String> blocking(Jdbc jdbc, String sql) {
        String row = Weft.await(Weft.toThread(() -> jdbc.queryOne(sql))); // the loop goes on meanwhile
        return Weft.done(row);
    }

    @Async
    static Coroutine<String> fetch(String url) {
        Weft.await(Weft.sleep(1));
        return Weft.done("page of " + url);
    }

    /** Called on a plain thread while {@code loop} runs on another. */
    static String fromThread(EventLoop loop, String url) throws Exception {
        String page = Weft.runCoroutineThreadsafe(fetch(url), loop).get(5, TimeUnit.SECONDS);
        return page;
    }

    @Async
    static Coroutine<Integer> listMissing() {
        Subprocess ls = Weft.await(Subprocess.shell("ls /zzz",
                SubprocessOptions.defaults().stdout(Stdio.PIPE).stderr(Stdio.PIPE)));
        Output out = Weft.await(ls.communicate());            // stdout and stderr, read to their end
        int code = ls.returnCode();                           // 2; -9 had SIGKILL ended it
        return Weft.done(out.stderr().length > 0 ? code : -1);
    }

    @Async static CompletableFuture<Integer> total(CompletableFuture<Integer> a, CompletableFuture<Integer> b) {
        return CompletableFuture.completedFuture(Weft.await(a) + Weft.await(b));
    }
}
