package dev.weft.bench;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.Iterator;
import java.util.NoSuchElementException;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Question: what does one generator step cost next to a hand-written {@link Iterator} producing
 * the same values, when both feed the same consumer? One operation is one element; the
 * per-sequence object (the generator frame, the iterator) is amortised over {@link #N} elements.
 * Values stay within the {@code Integer} cache, so B/op shows the iteration machinery alone.
 *
 * <p>Why the consumer is a {@link Blackhole}. A loop that only sums {@code i++ & 63} over an
 * iterator the JIT fully inlines and scalar-replaces is not iteration any more: C2 turns it into
 * unrolled (and on some JDKs vectorised) arithmetic, and "an element" then costs a fraction of a
 * cycle (0.29 ns in the first run of this suite), whatever the iterator does. A user's for-each
 * does something with each element that the JIT cannot see through, so every benchmark here hands
 * each element, unboxed to {@code int} as a for-each over {@code Integer} would, to
 * {@code Blackhole.consume}: the loop must then produce every element in order, one by one, and
 * the comparison is between the two ways of producing it (see JMH's samples on loops,
 * {@code JMHSample_11_Loops} and {@code JMHSample_34_SafeLooping}). The same handicap applies to
 * both sides; nothing is kept from inlining on either side, the peer's iterator is what a user
 * would write (state in two fields, {@code hasNext()}/{@code next()}, the
 * {@code NoSuchElementException} check), and both produce the same sequence.
 *
 * <p>What each method measures:
 * <ul>
 * <li>{@link #weftGeneratorNext}: {@code gen.next()} called {@code N} times on a woven generator
 *     (the goal's figure: "generator {@code next()} vs a hand-written iterator");</li>
 * <li>{@link #weftGeneratorForEach}: a for-each over the generator, i.e. through the
 *     {@code Iterator} view of {@link Generator#iterator()};</li>
 * <li>{@link #peerHandWrittenIterator}: the same for-each shape over a hand-written
 *     {@code Iterator<Integer>} — the honest peer of both;</li>
 * <li>{@link #peerFoldedIteratorSum}: the first suite's peer, kept for reference only: it sums the
 *     elements and returns the sum, which the JIT folds into arithmetic, so it measures how fast
 *     C2 can add, not iteration. No goal is checked against it.</li>
 * </ul>
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

    /** The peer: the same sequence as a hand-written iterator. Not thread-safe, as iterators are. */
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

    /** weft: {@code next()} called {@code N} times on a woven generator, each value consumed. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorNext(Blackhole bh) {
        Generator<Integer, Void> g = counter(N);
        for (int i = 0; i < N; i++) {
            int v = g.next();
            bh.consume(v);
        }
    }

    /** weft: a for-each loop over a woven generator (its {@code Iterator} view), each value consumed. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorForEach(Blackhole bh) {
        for (int v : counter(N)) {
            bh.consume(v);
        }
    }

    /** Peer: the same loop over a hand-written {@code Iterator}, each value consumed. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void peerHandWrittenIterator(Blackhole bh) {
        for (Iterator<Integer> it = new CountingIterator(N); it.hasNext(); ) {
            int v = it.next();
            bh.consume(v);
        }
    }

    /** weft: {@code next()} with each value handed to a method the JIT may not inline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorNextToCall(Blackhole bh) {
        Generator<Integer, Void> g = counter(N);
        for (int i = 0; i < N; i++) {
            int v = g.next();
            sink(bh, v);
        }
    }

    /** weft: a for-each with each value handed to a method the JIT may not inline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorForEachToCall(Blackhole bh) {
        for (int v : counter(N)) {
            sink(bh, v);
        }
    }

    /** Peer: the hand-written iterator, each value handed to a method the JIT may not inline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void peerHandWrittenIteratorToCall(Blackhole bh) {
        for (Iterator<Integer> it = new CountingIterator(N); it.hasNext(); ) {
            int v = it.next();
            sink(bh, v);
        }
    }

    /** The opaque consumer both sides of the {@code ...ToCall} pairs share. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static void sink(Blackhole bh, int v) {
        bh.consume(v);
    }

    /**
     * Reference only, not a peer: the first suite's loop, summing over the hand-written iterator.
     * C2 folds it into arithmetic, so it shows what "no iteration at all" costs.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public int peerFoldedIteratorSum() {
        int sum = 0;
        for (Iterator<Integer> it = new CountingIterator(N); it.hasNext(); ) {
            sum += it.next();
        }
        return sum;
    }
}
