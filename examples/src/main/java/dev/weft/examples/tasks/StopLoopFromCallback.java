package dev.weft.examples.tasks;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;
import java.util.Locale;

/**
 * Seed 004, "stop the loop from a callback": a done callback on a {@code gather} of two tasks
 * stops {@code runForever} once both have finished.
 *
 * <p>Python creates the gather before the loop runs, through its implicit current loop; weft has
 * no implicit loop, so the gather is created by the loop's first callback instead. The output is
 * the same.
 */
public final class StopLoopFromCallback {
    private StopLoopFromCallback() {
    }

    static void loopStop(EventLoop loop, Future<?> future) {
        loop.stop();
    }

    @Async
    static Coroutine<Void> work(long seconds) {
        System.out.println("start");
        Weft.await(Weft.sleep(seconds * 1000));
        System.out.println("after " + seconds + "s stop");
        return Weft.done();
    }

    static void run() {
        EventLoop loop = EventLoop.create();
        loop.callSoon(() -> {
            Future<List<Void>> tasks = Weft.gather(work(1), work(2));
            tasks.addDoneCallback(f -> loopStop(loop, f));
        });
        loop.runForever();
        loop.close();
    }

    /** Runs both works and prints how long it took. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        run();
        long end = System.nanoTime();
        System.out.println("耗时:" + String.format(Locale.ROOT, "%.4f", (end - start) / 1e9) + "s");
    }
}
