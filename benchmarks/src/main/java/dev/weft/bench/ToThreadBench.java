package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Question: what does handing one trivial blocking job to another thread and getting its result
 * back cost? weft: a task awaits {@code Weft.toThread(job)} (the job runs on the loop's default
 * executor; its result comes back through {@code callSoonThreadsafe} and wakes the task). Peer:
 * a platform thread calls {@code CompletableFuture.supplyAsync(job, pool).join()}, on the common
 * pool and on a pool made as weft's default executor is. One operation is one round trip; both
 * sides hand the result between two threads, so both pay a thread wake-up per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ToThreadBench {
    static final int N = 100;

    private ExecutorService pool;

    @Setup
    public void setUp() {
        int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        ThreadPoolExecutor p = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        p.allowCoreThreadTimeOut(true);
        pool = p;
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    static Integer job(int i) {
        return i;
    }

    @Async
    static Coroutine<Integer> roundTrips() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            int n = i;
            sum += Weft.await(Weft.toThread(() -> job(n)));
        }
        return Weft.done(sum);
    }

    /** weft: {@code Weft.await(Weft.toThread(job))} in a task, one after another. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftToThreadRoundTrip(LoopState s) {
        return s.loop.runUntilComplete(roundTrips());
    }

    /** Peer: {@code CompletableFuture.supplyAsync(job).join()} on the common pool, from this platform thread. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerSupplyAsyncJoinCommonPool() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            int n = i;
            sum += CompletableFuture.supplyAsync(() -> job(n)).join();
        }
        return sum;
    }

    /** Peer: the same on a thread pool made like weft's default executor. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerSupplyAsyncJoinThreadPool() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            int n = i;
            sum += CompletableFuture.supplyAsync(() -> job(n), pool).join();
        }
        return sum;
    }
}
