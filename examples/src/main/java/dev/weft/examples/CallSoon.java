package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.function.IntConsumer;

/**
 * Schedules plain callbacks with {@link EventLoop#callSoon(Runnable)}: they run on the next loop
 * iteration, in the order they were scheduled.
 *
 * <p>Python passes extra arguments after the callback ({@code call_soon(callback, 1)}) and binds
 * keyword arguments with {@code functools.partial}; in Java a lambda does both:
 * {@code loop.callSoon(() -> callback(1))}, and {@code wrapped} is the partial application of
 * {@code kwarg}. The coroutine then sleeps 100 ms so the loop runs the callbacks before it
 * stops.
 *
 * <p>Mirrors seed 001, section 1.3.1 ("迅速调度一个回调"); prints exactly what the Python program
 * prints.
 */
public final class CallSoon {
    private CallSoon() {
    }

    static void callback(int arg) {
        callback(arg, "default");
    }

    static void callback(int arg, String kwarg) {
        System.out.println("callback invoked with " + arg + " and " + kwarg);
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        System.out.println("registering callbacks");
        loop.callSoon(() -> callback(1));
        IntConsumer wrapped = arg -> callback(arg, "not default");
        loop.callSoon(() -> wrapped.accept(2));

        Weft.await(Weft.sleep(100));
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
