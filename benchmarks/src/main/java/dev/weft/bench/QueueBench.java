package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.queue.Queue;
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
 * Question: what does handing items from one coroutine to another through a
 * {@link dev.weft.queue.Queue} cost? A producer task puts {@link #ITEMS} items that a consumer
 * task gets; one operation is one item. With {@code maxsize} 1 every item makes both sides wait
 * (the worst case: a suspension and a resume per side per item); with 64 they wait once per
 * batch; unbounded (0) the producer never waits, which measures the operations that need not
 * wait. The items are boxed once, up front, so B/op is the queue's own. The peer, an
 * {@code ArrayBlockingQueue} between two virtual threads, is in {@code QueuePeerBench} (JDK 21+).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class QueueBench {
    static final int ITEMS = 1000;
    /** The items, boxed once so that no {@code Integer} is allocated while measuring. */
    static final Integer[] BOXED = new Integer[ITEMS];

    static {
        for (int i = 0; i < ITEMS; i++) {
            BOXED[i] = i;
        }
    }

    @Param({"1", "64", "0"})
    public int maxsize;

    @Async
    static Coroutine<Integer> producer(Queue<Integer> q) {
        for (int i = 0; i < ITEMS; i++) {
            Weft.await(q.put(BOXED[i]));
        }
        return Weft.done(ITEMS);
    }

    @Async
    static Coroutine<Integer> consumer(Queue<Integer> q) {
        int sum = 0;
        for (int i = 0; i < ITEMS; i++) {
            sum += Weft.await(q.get());
        }
        return Weft.done(sum);
    }

    @Async
    static Coroutine<Integer> handOff(Queue<Integer> q) {
        Task<Integer> receiver = Weft.createTask(consumer(q));
        int sent = Weft.await(producer(q));
        return Weft.done(sent + Weft.await(receiver));
    }

    /** weft: {@code ITEMS} items from a producer task to a consumer task through a queue. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public int weftQueueHandOff(LoopState s) {
        return s.loop.runUntilComplete(handOff(new Queue<>(maxsize)));
    }
}
