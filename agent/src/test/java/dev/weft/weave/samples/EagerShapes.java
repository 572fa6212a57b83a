package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Eager {@code @Async} methods (returning CompletableFuture/CompletionStage) for EagerWeaveTest. */
public final class EagerShapes {
    private EagerShapes() {
    }

    /** Shapes the weaver accepts. */
    public static final class Fine {
        @Async
        public static CompletableFuture<Integer> returnsCompleted(Future<Integer> f) {
            return CompletableFuture.completedFuture(Weft.await(f) + 1);
        }

        @Async
        public static CompletionStage<String> returnsStage(Future<String> f) {
            return CompletableFuture.completedStage(Weft.await(f));
        }

        @Async
        public static CompletableFuture<String> returnsOther(CompletableFuture<String> other) {
            CompletableFuture<String> kept = CompletableFuture.completedFuture("kept");
            return Weft.await(other).isEmpty() ? kept : other;
        }

        /** completedFuture in a coroutine is an ordinary call, not another kind's marker. */
        @Async
        public static Coroutine<String> coroutineAwaitsCompleted() {
            return Weft.done(Weft.await(CompletableFuture.completedFuture("x")));
        }
    }

    /** Weft.done where a CompletableFuture method completes with completedFuture. */
    public static final class DoneInEager {
        @Async
        public static CompletableFuture<Object> m() {
            Coroutine<String> c = Weft.done("x");
            return CompletableFuture.completedFuture(c);
        }
    }

    /** Weft.yield in a CompletableFuture method. */
    public static final class YieldInEager {
        @Async
        public static CompletableFuture<Object> m() {
            Object got = Weft.yield("x");
            return CompletableFuture.completedFuture(got);
        }
    }

    /** A generator that uses completedFuture: ordinary code there too. */
    public static final class GeneratorWithCompleted {
        @Async
        public static Generator<CompletableFuture<String>, Void> g() {
            Weft.yield(CompletableFuture.completedFuture("x"));
            return null;
        }
    }
}
