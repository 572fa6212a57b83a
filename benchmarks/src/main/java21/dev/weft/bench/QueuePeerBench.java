package dev.weft.bench;

import java.util.concurrent.ArrayBlockingQueue;
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
 * The peer of {@link QueueBench}: an {@link ArrayBlockingQueue} of the same capacity between a
 * producer and a consumer virtual thread on one carrier, {@code put}/{@code take}; one operation
 * is one item. An {@code ArrayBlockingQueue} needs a capacity, so "unbounded" (0) is one that
 * holds all {@code ITEMS}: the producer never blocks, as with weft's unbounded queue.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class QueuePeerBench {
    static final int ITEMS = QueueBench.ITEMS;

    @Param({"1", "64", "0"})
    public int maxsize;

    /** Peer: {@code ITEMS} items from one virtual thread to another through an ArrayBlockingQueue. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public int peerVirtualThreadArrayBlockingQueue() throws InterruptedException {
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(maxsize > 0 ? maxsize : ITEMS);
        int[] sum = new int[1];
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                int s = 0;
                for (int i = 0; i < ITEMS; i++) {
                    s += q.take();
                }
                sum[0] = s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    q.put(QueueBench.BOXED[i]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.join();
        consumer.join();
        return sum[0];
    }
}
