package dev.weft.it.weaving;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Classes with code the weaver refuses, one shape each, for {@link RefusedClassesTest}: under the
 * agent each loads, its plain and valid {@code @Async} methods work, and the refused code throws
 * its weave-time reason when it runs.
 */
final class RefusedShapes {
    private RefusedShapes() {
    }

    /** An await inside a synchronized block. */
    static final class SyncBlock {
        static String plain() {
            return "plain";
        }

        @Async
        static Coroutine<Integer> m(Object lock, Future<Integer> f) {
            synchronized (lock) {
                return Weft.done(Weft.await(f));
            }
        }
    }

    /** A synchronized {@code @Async} method. */
    static final class SyncMethod {
        String plain() {
            return "plain";
        }

        @Async
        synchronized Coroutine<Integer> m(Future<Integer> f) {
            return Weft.done(Weft.await(f));
        }
    }

    /** An await in a constructor (the class also has a fine {@code @Async} method). */
    static final class InConstructor {
        final int value;

        InConstructor(Future<Integer> f, boolean await) {
            value = await ? Weft.await(f) : 1;
        }

        @Async
        static Coroutine<String> fine() {
            return Weft.done("fine");
        }
    }

    /** An await in a static initialiser: the class cannot even initialise un-woven. */
    static final class InStaticInit {
        static final Object VALUE = Weft.await(Weft.sleep(1));
    }

    /** An await in a method that is not {@code @Async}. */
    static final class NotAsync {
        static int m(Future<Integer> f) {
            return Weft.await(f);
        }

        @Async
        static Coroutine<String> fine() {
            return Weft.done("fine");
        }
    }

    /** {@code @Async} on a method with an unsupported return type: it throws the reason. */
    static final class WrongReturn {
        @Async
        static String m() {
            return "x";
        }
    }
}
