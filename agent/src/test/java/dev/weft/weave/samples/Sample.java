package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** Well-formed {@code @Async} methods for the weaver's pass-level tests (compiled, not woven). */
public class Sample {
    /** Two application classes whose merge the weaver must compute without loading them. */
    public static class Base {
    }

    /** See {@link Base}. */
    public static class Left extends Base {
    }

    /** See {@link Base}. */
    public static class Right extends Base {
    }

    @Async
    public static Coroutine<Integer> total(Future<Integer> a, Future<Integer> b) {
        int total = Weft.await(a);
        long unused = 7L;
        total += Weft.await(b);
        return Weft.done(total);
    }

    @Async
    public static Coroutine<String> merge(boolean flag, Future<String> f) {
        Base chosen = flag ? new Left() : new Right();
        String s = Weft.await(f);
        return Weft.done(s + chosen.getClass().getSimpleName());
    }

    @Async
    public static Coroutine<Integer> delegate(Future<Integer> f) {
        return total(f, f);
    }

    @Async
    public static Generator<Integer, Void> count(int n) {
        for (int i = 0; i < n; i++) {
            Weft.yield(i);
        }
        return Generator.returning(n);
    }

    public static int plain(int x) {
        return x + 1;
    }
}
