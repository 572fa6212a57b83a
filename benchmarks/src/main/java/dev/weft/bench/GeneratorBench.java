package dev.weft.bench;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.Iterator;
import java.util.NoSuchElementException;
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
 * Question: what does one generator step cost next to a hand-written {@link Iterator} producing
 * the same values? One operation is one element. Values stay within the {@code Integer} cache,
 * so B/op shows the generator machinery alone (the per-sequence generator frame is amortised).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class GeneratorBench {
    static final int N = 1000;

    @Async
    static Generator<Integer, Void> counter(int n) {
        for (int i = 0; i < n; i++) {
            Weft.yield(i & 63);
        }
        return null;
    }

    /** The peer: the same sequence as a hand-written iterator. */
    static final class CountingIterator implements Iterator<Integer> {
        private final int n;
        private int i;

        CountingIterator(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return i < n;
        }

        @Override
        public Integer next() {
            if (i >= n) {
                throw new NoSuchElementException();
            }
            return i++ & 63;
        }
    }

    /** weft: {@code next()} on a woven generator. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftGeneratorNext() {
        Generator<Integer, Void> g = counter(N);
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum += g.next();
        }
        return sum;
    }

    /** weft: a for-each loop over a woven generator (its {@code Iterator} view). */
    @Benchmark
    @OperationsPerInvocation(N)
    public int weftGeneratorForEach() {
        int sum = 0;
        for (int v : counter(N)) {
            sum += v;
        }
        return sum;
    }

    /** Peer: a hand-written {@code Iterator}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerHandWrittenIterator() {
        int sum = 0;
        for (Iterator<Integer> it = new CountingIterator(N); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }
}
