package dev.weft.bench;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * The peers of {@link PingPongBench}: two virtual threads on one carrier handing a message back
 * and forth, with {@code LockSupport.park/unpark} and with a {@link SynchronousQueue}. One
 * operation is one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class PingPongPeerBench {
    static final int ROUNDS = PingPongBench.ROUNDS;

    /** A mailbox handed over with park/unpark. */
    static final class Box {
        volatile int value;
        volatile boolean full;
    }

    /** Peer: park/unpark hand-off between two virtual threads. */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public int peerVirtualThreadParkUnpark() throws InterruptedException {
        Box toPong = new Box();
        Box toPing = new Box();
        Thread[] threads = new Thread[2];
        threads[1] = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                int v = take(toPong);
                put(toPing, v + 1, threads[0]);
            }
        });
        threads[0] = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                put(toPong, i, threads[1]);
                take(toPing);
            }
        });
        threads[1].start();
        threads[0].start();
        threads[0].join();
        threads[1].join();
        return toPing.value;
    }

    private static int take(Box box) {
        while (!box.full) {
            LockSupport.park();
        }
        box.full = false;
        return box.value;
    }

    private static void put(Box box, int v, Thread reader) {
        box.value = v;
        box.full = true;
        LockSupport.unpark(reader);
    }

    /** Peer: a {@code SynchronousQueue} in each direction between two virtual threads. */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public int peerVirtualThreadSynchronousQueue() throws InterruptedException {
        SynchronousQueue<Integer> toPong = new SynchronousQueue<>();
        SynchronousQueue<Integer> toPing = new SynchronousQueue<>();
        int[] last = new int[1];
        Thread pong = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    toPing.put((toPong.take() + 1) & 63);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread ping = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    toPong.put(i & 63);
                    last[0] = toPing.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ping.join();
        pong.join();
        return last[0];
    }
}
