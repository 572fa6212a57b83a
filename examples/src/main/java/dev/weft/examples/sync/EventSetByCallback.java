package dev.weft.examples.sync;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;
import dev.weft.sync.Event;
import java.util.List;

/**
 * Seed 001 §1.7.2: two coroutines wait for an event ({@code untilSet()}, asyncio's
 * {@code wait()}) that a callback sets 100 ms later; both go on at once, with no lock to share.
 */
public final class EventSetByCallback {
    private EventSetByCallback() {
    }

    static void setEvent(Event event) {
        System.out.println("setting event in callback");
        event.set();
    }

    @Async
    static Coroutine<Void> coro1(Event event) {
        System.out.println("coro1 waiting for event");
        Weft.await(event.untilSet());
        System.out.println("coro1 triggered");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> coro2(Event event) {
        System.out.println("coro2 waiting for event");
        Weft.await(event.untilSet());
        System.out.println("coro2 triggered");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        // Create a shared event
        Event event = new Event();
        System.out.println("event start state: " + Repr.of(event.isSet()));

        loop.callLater(100, () -> setEvent(event));

        Weft.await(Weft.wait(List.of(coro1(event), coro2(event))));
        System.out.println("event end state: " + Repr.of(event.isSet()));
        return Weft.done();
    }

    /** Runs the example on a new loop, as the seed runs it on {@code get_event_loop()}. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(main(loop));
        } finally {
            loop.close();
        }
    }
}
