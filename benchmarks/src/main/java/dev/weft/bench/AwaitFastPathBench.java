package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does {@code await} cost when nothing has to wait — an already completed future,
 * or a coroutine that returns without suspending? One operation is one await (or one call), run
 * {@value #N} times inside one coroutine so the task that hosts them is amortised away.
 *
 * <p>Values stay within the {@code Integer} cache so that boxing allocates nothing and B/op shows
 * the await machinery alone; a non-suspending coroutine still allocates its own frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class AwaitFastPathBench {
    static final int N = 1000;

    private EventLoop loop;
    private Future<Integer> completed;

    @Setup
    public void setUp() {
        loop = EventLoop.create();
        completed = loop.createFuture();
        completed.setResult(1);
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    @Async
    static Coroutine<Integer> awaitCompletedFutures(Future<Integer> f) {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Weft.await(f);
        }
        return Weft.done(sum & 63);
    }

    @Async
    static Coroutine<Integer> leaf(int x) {
        return Weft.done(x);
    }

    @Async
    static Coroutine<Integer> awaitLeafCoroutines() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Weft.await(leaf(i & 63));
        }
        return Weft.done(sum & 63);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static Integer plain(int x) {
        return x;
    }

    /** weft: {@code Weft.await} of a future that is already done. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftAwaitCompletedFuture() {
        return loop.runUntilComplete(awaitCompletedFutures(completed));
    }

    /** weft: {@code Weft.await} of a coroutine that completes without suspending. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftAwaitNonSuspendingCoroutine() {
        return loop.runUntilComplete(awaitLeafCoroutines());
    }

    /** Peer: a plain (not inlined) method call returning the same boxed value. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerPlainCall() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum += plain(i & 63);
        }
        return sum;
    }

    /** Peer: one {@code thenApply} stage on a completed {@code CompletableFuture} per operation. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerCompletableFutureThenApply() {
        CompletableFuture<Integer> cf = CompletableFuture.completedFuture(0);
        for (int i = 0; i < N; i++) {
            cf = cf.thenApply(x -> (x + 1) & 63);
        }
        return cf.join();
    }
}
