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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does a short-lived concurrent activity cost — create a task for a trivial
 * coroutine, let it run and complete, and collect its result? One operation is one task. The
 * peer, starting and joining a virtual thread, is in {@code TaskPeerBench} (JDK 21+).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TaskBench {
    static final int N = 1000;

    @Async
    static Coroutine<Integer> trivial(int x) {
        return Weft.done(x);
    }

    @Async
    static Coroutine<Integer> spawnAndJoin() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Weft.await(Weft.createTask(trivial(i & 63)));
        }
        return Weft.done(sum & 63);
    }

    /** weft: {@code Weft.await(Weft.createTask(trivial()))}, one after another. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftCreateRunJoinTask(LoopState s) {
        return s.loop.runUntilComplete(spawnAndJoin());
    }
}
