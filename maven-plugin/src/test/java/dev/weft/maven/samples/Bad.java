package dev.weft.maven.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** A class the goals refuse: it awaits while holding a monitor. */
public final class Bad {
    private Bad() {
    }

    @Async
    static Coroutine<Integer> held(Object lock, Future<Integer> f) {
        synchronized (lock) {
            return Weft.done(Weft.await(f));
        }
    }
}
