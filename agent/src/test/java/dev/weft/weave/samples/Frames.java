package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** {@code @Async} methods whose suspension points the liveness and layout tests inspect. */
public class Frames {
    /** The object {@link #holdThenDrop} keeps across its first await and drops before its second. */
    public static final Object BIG = new Object[] {"big"};

    @Async
    public static Coroutine<Integer> holdThenDrop(Future<String> a, Future<String> b) {
        Object big = BIG;
        String s = Weft.await(a);
        int n = s.length() + (big == BIG ? 1 : 0);
        String t = Weft.await(b);
        return Weft.done(n + t.length());
    }

    public static String four(int a, double b, String c, char d) {
        return a + "/" + b + "/" + c + "/" + d;
    }

    @Async
    public static Coroutine<String> argumentsBelow(Future<String> f) {
        return Weft.done(four(1, 2.0, Weft.await(f), 'c'));
    }

    @Async
    public static Coroutine<String> guarded(Future<String> f, Future<String> g) {
        String out;
        try {
            out = Weft.await(f);
        } catch (IllegalStateException e) {
            out = "caught";
        }
        return Weft.done(out + Weft.await(g));
    }

    /** A value built from awaited arguments. */
    public record Box(Object value) {
    }

    @Async
    public static Coroutine<Box> nestedNew(Future<String> f) {
        return Weft.done(new Box(new Box(Weft.await(f))));
    }
}
