package dev.weft.agent.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** An {@code @Async} method the weaver refuses: it awaits while holding a monitor. */
public final class Locked {
    private Locked() {
    }

    @Async
    static Coroutine<Integer> held(Object lock, Future<Integer> f) {
        synchronized (lock) {
            return Weft.done(Weft.await(f));
        }
    }
}
