package dev.weft.bench;

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

/**
 * The peer of {@link YieldBench}: {@code Thread.yield()} in a virtual thread on a scheduler with
 * one carrier, so every yield is a real unmount + remount, as every weft yield is a real trip
 * through the loop. One operation is one yield.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class YieldPeerBench {
    static final int N = YieldBench.N;

    /** Peer: a virtual thread yielding {@code N} times. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void peerVirtualThreadYield() throws InterruptedException {
        Thread.ofVirtual().start(() -> {
            for (int i = 0; i < N; i++) {
                Thread.yield();
            }
        }).join();
    }
}
