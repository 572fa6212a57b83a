package bad;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** Awaits while holding a monitor, which a suspension cannot keep. */
public final class Locked {
    private final Object lock = new Object();

    @Async
    public Coroutine<Integer> held(Future<Integer> f) {
        synchronized (lock) {
            return Weft.done(Weft.await(f) + 1);
        }
    }

    @Async
    public Coroutine<Integer> fine(Future<Integer> f) {
        return Weft.done(Weft.await(f));
    }
}
