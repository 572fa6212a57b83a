package dev.weft.examples.threads;

import dev.weft.EventLoop;
import java.util.Locale;

/**
 * Seed 004, "event loops in other threads": a loop runs for ever on a second thread, so the main
 * thread is not blocked, and the main thread hands it plain functions with
 * {@link EventLoop#callSoonThreadsafe}, the one loop method any thread may call. They run one
 * after the other on the loop's thread; {@code moreWork} blocks that thread while it sleeps, as
 * the seed's {@code time.sleep} does.
 *
 * <p>Differences from the seed: the sleeps are a tenth of the seed's, and the seed's loop never
 * stops (its program never ends), so this one posts {@code loop::stop} last, joins the thread and
 * closes the loop. weft has no {@code set_event_loop}: the thread that runs a loop owns it.
 */
public final class LoopInAnotherThread {
    private LoopInAnotherThread() {
    }

    static void moreWork(int x) {
        System.out.println("More work " + x);
        try {
            Thread.sleep(x * 100L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("Finished more work " + x);
    }

    /** Starts the loop on a second thread, feeds it two calls, then stops it. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        EventLoop newLoop = EventLoop.create();
        Thread t = new Thread(newLoop::runForever, "loop-thread");
        t.start();
        System.out.println("TIME: " + String.format(Locale.ROOT, "%.6f", (System.nanoTime() - start) / 1e9));
        newLoop.callSoonThreadsafe(() -> moreWork(6));
        newLoop.callSoonThreadsafe(() -> moreWork(3));
        newLoop.callSoonThreadsafe(newLoop::stop);
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        newLoop.close();
    }
}
