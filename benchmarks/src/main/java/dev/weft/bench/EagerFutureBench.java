package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Question: what does an eager {@code @Async} method returning {@code CompletableFuture} cost when
 * its body does not suspend, next to a plain method returning
 * {@code CompletableFuture.completedFuture} (goal: within 2×)? One operation is one call whose
 * future goes to a {@link Blackhole}, {@value #N} calls per invocation.
 *
 * <p>Two settings. Where no loop runs (the JMH thread, as ea-async code runs) the call costs its
 * frame and the completed future. On a loop thread, inside a coroutine, the body is a task of the
 * loop from its first step (as asyncio's eager tasks are), so the call also makes and finishes a
 * task; the peer there is the same plain call made from the same coroutine.
 *
 * <p>Only one eager method runs here, so the frame's call of its body is monomorphic and the JIT
 * can scalar-replace the frame (B/op: the completed future alone). A program that runs many
 * eager methods through one call site makes that call megamorphic, and the frame is then
 * allocated too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EagerFutureBench {
    static final int N = 1000;

    @Async
    static CompletableFuture<Integer> eager(int x) {
        return CompletableFuture.completedFuture(x);
    }

    static CompletableFuture<Integer> plain(int x) {
        return CompletableFuture.completedFuture(x);
    }

    /** weft, no loop: the eager method's body runs inside the call and completes its future. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftEagerNonSuspending(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(eager(i & 63));
        }
    }

    /** Peer, no loop: a plain method returning {@code CompletableFuture.completedFuture}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void peerCompletedFuture(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(plain(i & 63));
        }
    }

    @Async
    static Coroutine<Integer> callEager(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(eager(i & 63));
        }
        return Weft.done(0);
    }

    @Async
    static Coroutine<Integer> callPlain(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            bh.consume(plain(i & 63));
        }
        return Weft.done(0);
    }

    /** weft, on a loop: each call's body is a task of the loop that finishes in its first step. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftEagerNonSuspendingOnLoop(LoopState s, Blackhole bh) {
        return s.loop.runUntilComplete(callEager(bh));
    }

    /** Peer, on a loop: the plain method called from the same kind of coroutine. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerCompletedFutureOnLoop(LoopState s, Blackhole bh) {
        return s.loop.runUntilComplete(callPlain(bh));
    }
}
