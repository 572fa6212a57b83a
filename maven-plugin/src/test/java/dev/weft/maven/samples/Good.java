package dev.weft.maven.samples;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** A class the goals weave (compiled, not woven: the mojo tests copy its class file). */
public final class Good {
    private Good() {
    }

    @Async
    static Coroutine<Integer> twice(int x) {
        Weft.await(Weft.sleep(0));
        return Weft.done(2 * x);
    }
}
