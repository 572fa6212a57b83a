package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** Small methods whose analysis the pass-level tests inspect. */
public class Shapes {
    /** A pair built from awaited values: NEW/DUP must move after the awaits. */
    public record Pair(Object a, Object b) {
    }

    @Async
    public static Coroutine<Pair> pairOfAwaits(Future<String> a, Future<String> b) {
        return Weft.done(new Pair(Weft.await(a), Weft.await(b)));
    }

    @Async
    public static Coroutine<String> stackBelow(Future<String> f, long n) {
        String s = "x" + n + Weft.await(f);
        return Weft.done(s);
    }

    @Async
    public static Coroutine<Integer> tail(Future<Integer> f) {
        return delegateTo(f);
    }

    @Async
    static Coroutine<Integer> delegateTo(Future<Integer> f) {
        return Weft.done(Weft.await(f) + 1);
    }
}
