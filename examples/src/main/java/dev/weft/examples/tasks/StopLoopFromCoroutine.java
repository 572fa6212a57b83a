package dev.weft.examples.tasks;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 004, "stop the loop from inside a coroutine": {@code runForever} runs until the only task
 * calls {@code loop.stop()}.
 */
public final class StopLoopFromCoroutine {
    private StopLoopFromCoroutine() {
    }

    @Async
    static Coroutine<Void> work(EventLoop loop, long seconds) {
        System.out.println("start");
        Weft.await(Weft.sleep(seconds * 1000));
        System.out.println("after " + seconds + "s stop");
        loop.stop();
        return Weft.done();
    }

    /** Runs the loop until {@code work} stops it. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        loop.createTask(work(loop, 1));
        loop.runForever();
        loop.close();
    }
}
