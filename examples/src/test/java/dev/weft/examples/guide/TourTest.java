package dev.weft.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.sync.Lock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs each fragment of the README's tour ({@link Tour}) and checks that it does what the README says. */
class TourTest {

    @Test
    void fib_yieldsTheFibonacciNumbers() {
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), Tour.fib().stream().limit(10).toList());
    }

    @Test
    void holdLock_releasesTheLockAtTheEndOfTheBlock() {
        assertFalse(Weft.run(Tour.holdLock(new Lock())));
    }

    @Test
    void queueJob_getsThePutJob() {
        assertEquals("job", Weft.run(Tour.queueJob()));
    }

    @Async
    static Coroutine<List<String>> pagesOfTwo() {
        List<Task<String>> tasks = List.of(Weft.createTask(Tour.fetch("c")), Weft.createTask(Tour.fetch("a")));
        return Weft.done(Weft.await(Tour.pages(Weft.loop(), tasks)));
    }

    @Test
    void pages_awaitsEveryTask() {
        List<String> pages = Weft.run(pagesOfTwo());
        assertEquals(2, pages.size());
        assertTrue(pages.containsAll(List.of("page of a", "page of c")), pages.toString());
    }

    @Test
    void blocking_runsTheCallOnAnotherThread() {
        assertEquals("row for select 1", Weft.run(Tour.blocking(new Tour.Jdbc("row"), "select 1")));
    }

    @Async
    static Coroutine<Void> serveUntil(CountDownLatch done) {
        while (done.getCount() > 0) {
            Weft.await(Weft.sleep(1));
        }
        return Weft.done();
    }

    @Test
    void fromThread_runsTheCoroutineOnTheLoopsThread() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<EventLoop> started = new CompletableFuture<>();
        Thread loopThread = new Thread(() -> {
            EventLoop loop = EventLoop.create();
            try {
                loop.callSoon(() -> started.complete(loop));
                loop.runUntilComplete(serveUntil(done));
            } finally {
                loop.close();
            }
        }, "tour-loop");
        loopThread.start();
        try {
            assertEquals("page of x", Tour.fromThread(started.get(5, TimeUnit.SECONDS), "x"));
        } finally {
            done.countDown();
            loopThread.join(5_000);
        }
    }

    @Test
    void listMissing_exitsWithLsStatusTwo() {
        assertEquals(2, Weft.run(Tour.listMissing()));
    }

    @Test
    void total_addsTheTwoFutures() {
        assertEquals(3, Tour.total(CompletableFuture.completedFuture(1), CompletableFuture.completedFuture(2)).join());
    }
}
