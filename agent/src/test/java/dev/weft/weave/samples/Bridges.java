package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * {@code @Async} methods for which javac writes bridge methods, copying {@code @Async} onto them:
 * one for a generic parameter ({@code get(Object, Future)Coroutine}) and one for a covariant
 * return type ({@code make(Future)Object}).
 */
public final class Bridges {
    private Bridges() {
    }

    /** A generic source of values. */
    public interface Source<T> {
        Coroutine<T> get(T seed, Future<String> f);
    }

    /** Something that makes an object, of any type. */
    public interface Maker {
        Object make(Future<String> f);
    }

    /** Implements both, so javac bridges both methods. */
    public static final class Impl implements Source<String>, Maker {
        @Async
        @Override
        public Coroutine<String> get(String seed, Future<String> f) {
            return Weft.done(seed + Weft.await(f));
        }

        @Async
        @Override
        public Coroutine<String> make(Future<String> f) {
            return Weft.done("made " + Weft.await(f));
        }
    }
}
