package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.function.Supplier;

/** Each nested class holds one shape the weaver must refuse, with a clear message. */
public final class BadShapes {
    private BadShapes() {
    }

    /** Await inside a synchronized block. */
    public static final class SyncBlock {
        @Async
        public static Coroutine<Integer> m(Object lock, Future<Integer> f) {
            synchronized (lock) {
                return Weft.done(Weft.await(f));
            }
        }
    }

    /** A synchronized @Async method. */
    public static final class SyncMethod {
        @Async
        public synchronized Coroutine<Integer> m(Future<Integer> f) {
            return Weft.done(Weft.await(f));
        }
    }

    /** Await in a constructor. */
    public static final class InConstructor {
        final int value;

        public InConstructor(Future<Integer> f) {
            value = Weft.await(f);
        }
    }

    /** Await in a static initialiser. */
    public static final class InStaticInit {
        static final int VALUE = Weft.await(new Future<Integer>(dev.weft.EventLoop.create()));
    }

    /** Await in a lambda inside an @Async method. */
    public static final class InLambda {
        @Async
        public static Coroutine<Supplier<Integer>> m(Future<Integer> f) {
            return Weft.done(() -> Weft.await(f));
        }
    }

    /** Await in a method that is not @Async. */
    public static final class NotAsync {
        public static int m(Future<Integer> f) {
            return Weft.await(f);
        }
    }

    /** @Async with a return type the weaver does not support. */
    public static final class WrongReturn {
        @Async
        public static String m() {
            return "x";
        }
    }

    /** @Async on methods without a body: an abstract and a native one. */
    public abstract static class NoBody {
        @Async
        public abstract Coroutine<Integer> abstractOne();

        @Async
        public native Coroutine<Integer> nativeOne();

        @Async
        public static Coroutine<Integer> fine() {
            return Weft.done(1);
        }
    }
}
