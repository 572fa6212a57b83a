package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one suspend + resume through the loop cost ({@code Weft.sleep(0)}, which
 * gives the other ready callbacks one turn), and does it grow with the await depth? One operation
 * is one yield of a coroutine that is {@code depth} awaits deep. The peer, a virtual thread's
 * {@code Thread.yield()} on a one-carrier scheduler, is in {@code YieldPeerBench} (JDK 21+).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class YieldBench {
    static final int N = 1000;

    @Param({"1", "5", "20", "100"})
    public int depth;

    @Async
    static Coroutine<Integer> yielder(int depth, int n) {
        if (depth > 1) {
            return Weft.done(Weft.await(yielder(depth - 1, n)));
        }
        for (int i = 0; i < n; i++) {
            Weft.await(Weft.sleep(0));
        }
        return Weft.done(n & 63);
    }

    /** weft: {@code Weft.await(Weft.sleep(0))} at the bottom of {@code depth} nested awaits. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftYield(LoopState s) {
        return s.loop.runUntilComplete(yielder(depth, N));
    }
}
