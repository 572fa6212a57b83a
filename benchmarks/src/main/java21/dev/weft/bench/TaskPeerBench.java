package dev.weft.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The peer of {@link TaskBench}: start a virtual thread running a trivial body and join it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class TaskPeerBench {
    private int counter;

    /** Peer: {@code Thread.ofVirtual().start(trivial).join()}. */
    @Benchmark
    public int peerVirtualThreadStartJoin() throws InterruptedException {
        int[] out = new int[1];
        int x = counter++ & 63;
        Thread.ofVirtual().start(() -> out[0] = x).join();
        return out[0];
    }
}
