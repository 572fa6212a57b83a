package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Duration;

/**
 * Schedules callbacks after a delay with {@link EventLoop#callLater(Duration, Runnable)}: the
 * callback due after 100 ms runs before the one due after 200 ms, and the one scheduled with
 * {@link EventLoop#callSoon(Runnable)} runs before both. The coroutine sleeps 400 ms so that all
 * three run before the loop stops.
 *
 * <p>Mirrors seed 001, section 1.3.2 ("用Delay调度回调"); prints exactly what the Python program
 * prints.
 */
public final class CallLater {
    private CallLater() {
    }

    static void callback(int n) {
        System.out.println("callback " + n + " invoked");
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        System.out.println("registering callbacks");
        loop.callLater(Duration.ofMillis(200), () -> callback(1));
        loop.callLater(Duration.ofMillis(100), () -> callback(2));
        loop.callSoon(() -> callback(3));

        Weft.await(Weft.sleep(400));
        return Weft.done();
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            System.out.println("entering event loop");
            eventLoop.runUntilComplete(main(eventLoop));
        } finally {
            System.out.println("closing event loop");
            eventLoop.close();
        }
    }
}
