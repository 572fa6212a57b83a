package dev.weft.weave.samples;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * {@code @Async} methods that between them make the weaver emit every kind of runtime call it
 * knows — each slot kind saved and restored in arrays and in fields, awaits, yields, delegation,
 * completion as a value, tail delegation, argument slots released, a constructor whose argument
 * awaits — for the contract test that checks woven code names only listed runtime members.
 */
public final class Contract {
    private Contract() {
    }

    @Async
    public static Coroutine<String> everyKind(Future<String> f, int i, long l, float x, double d) {
        boolean b = i > 0;
        String s = Weft.await(f);
        return Weft.done(s + i + l + x + d + b);
    }

    @Async
    public static Coroutine<Object> argumentsOnly(Future<String> f) {
        return Weft.done(new Frames.Box(Weft.await(f)));
    }

    @Async
    public static Coroutine<Coroutine<Integer>> doneAsValue(Future<Integer> f) {
        Coroutine<Integer> c = Weft.done(Weft.await(f));
        return Weft.done(c);
    }

    @Async
    public static Coroutine<Integer> tail(Future<Integer> f) {
        return Weft.await(f) > 0 ? Shapes.tail(f) : null;
    }

    @Async
    public static Generator<Object, Object> manyLiveValues(int a, long b, float c, double e, String s, Object o) {
        int i = a + 1;
        long j = b + 1;
        Object p = s + o;
        Object q = o;
        Weft.yield(i + j + c + e);
        Weft.yieldFrom(Shapes.class.getName().isEmpty() ? null : counting(2));
        Weft.yield(String.valueOf(p) + q + s + o + a + b + c + e);
        return i > 0 ? Generator.returning(i) : null;
    }

    @Async
    public static Generator<Integer, Void> counting(int n) {
        for (int k = 0; k < n; k++) {
            Weft.yield(k);
        }
        return Generator.returning(n);
    }

    @Async
    public static AsyncGenerator<String> asyncOne(Future<String> f) {
        String s = Weft.await(f);
        Weft.yield(s);
        return AsyncGenerator.end();
    }
}
