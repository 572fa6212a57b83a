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
 * <p>Why each element goes to a {@link Blackhole}. A loop that only sums {@code i++ & 63} over
 * an iterator the JIT fully inlines is not iteration any more: C2 turns the sum into unrolled
 * arithmetic over the loop counter (0.29 ns per "element" in the first run of this suite), and
 * the generator would be measured against no work at all. A user's for-each does something with
 * each element, so every benchmark here hands each element, unboxed to {@code int} as a for-each
 * over {@code Integer} would, to {@code Blackhole.consume}: every element must then be produced,
 * in order (see JMH's samples on loops, {@code JMHSample_11_Loops} and
 * {@code JMHSample_34_SafeLooping}). On JDK 17+ JMH's blackhole is a compiler intrinsic that costs
 * next to nothing, so the peer below still runs in well under a nanosecond: that is what a
 * hand-written iterator costs once inlined (its two fields become registers), and it is the bar.
 * The peer is what a user would write (state in two fields, {@code hasNext()}/{@code next()},
 * the {@code NoSuchElementException} check), both sides produce the same sequence, and whatever
 * is kept from inlining is kept on both sides.
 *
 * <p>What each method measures. Three settings, each with weft and the peer side by side; the
 * handicaps of a setting apply to both sides alike.
 * <ul>
 * <li>Everything in one compilation, each element to {@code Blackhole.consume}:
 *     {@link #weftGeneratorNext} ({@code gen.next()} {@code N} times: the goal's figure),
 *     {@link #weftGeneratorForEach} (a for-each, i.e. through {@link Generator#iterator()}) and
 *     the peer {@link #peerHandWrittenIterator} (the same for-each shape over a hand-written
 *     {@code Iterator<Integer>}). Here the JIT inlines the whole step on both sides and
 *     scalar-replaces the sequence object (the generator frame, the iterator): this is a user's
 *     loop over a generator or iterator made in the same hot method.</li>
 * <li>{@code ...ToCall}: the same loops, each element handed to {@link #sink}, a method the JIT
 *     must not inline: a loop body that calls out, so the values cross a real call.</li>
 * <li>{@code ...Escaped}: the generator or iterator comes from a method the JIT must not inline
 *     ({@link #madeElsewhere}, {@link #iteratorMadeElsewhere}), so it lives on the heap and every
 *     step reads and writes its fields: a loop over a sequence made somewhere else.</li>
 * <li>{@link #peerFoldedIteratorSum}: the first suite's peer, kept for reference only: it sums the
 *     elements and returns the sum, which the JIT folds into arithmetic, so it measures how fast
 *     C2 can add, not iteration. No goal is checked against it.</li>
 * </ul>
 *
 * <p>A generator's step is a state machine (a switch on the resume point, locals restored from
 * the frame and the changed ones saved back, the resume point stored, the yielded value returned
 * by the body); an iterator's step is its own code. The first setting shows how far the JIT removes the generator's machinery when it sees
 * all of it; the other two show its cost when it cannot.
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

    // ---- the consumer is a call the JIT does not inline (the same method on both sides) -----

    /** weft: {@code next()} with each value handed to a method the JIT does not inline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorNextToCall(Blackhole bh) {
        Generator<Integer, Void> g = counter(N);
        for (int i = 0; i < N; i++) {
            int v = g.next();
            sink(bh, v);
        }
    }

    /** weft: a for-each with each value handed to a method the JIT does not inline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorForEachToCall(Blackhole bh) {
        for (int v : counter(N)) {
            sink(bh, v);
        }
    }

    /** Peer: the hand-written iterator, each value handed to a method the JIT does not inline. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void peerHandWrittenIteratorToCall(Blackhole bh) {
        for (Iterator<Integer> it = new CountingIterator(N); it.hasNext(); ) {
            int v = it.next();
            sink(bh, v);
        }
    }

    /** The opaque consumer both sides of the {@code ...ToCall} benchmarks share. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static void sink(Blackhole bh, int v) {
        bh.consume(v);
    }

    // ---- the sequence object comes from a method the JIT does not inline (both sides) --------

    /** weft: {@code next()} on a generator made elsewhere, so its frame lives on the heap. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorNextEscaped(Blackhole bh) {
        Generator<Integer, Void> g = madeElsewhere(N);
        for (int i = 0; i < N; i++) {
            int v = g.next();
            bh.consume(v);
        }
    }

    /** weft: a for-each over a generator made elsewhere. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGeneratorForEachEscaped(Blackhole bh) {
        for (int v : madeElsewhere(N)) {
            bh.consume(v);
        }
    }

    /** Peer: the hand-written iterator made elsewhere, so it lives on the heap. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void peerHandWrittenIteratorEscaped(Blackhole bh) {
        for (Iterator<Integer> it = iteratorMadeElsewhere(N); it.hasNext(); ) {
            int v = it.next();
            bh.consume(v);
        }
    }

    /** A generator the caller's compilation cannot see being made: its frame escapes. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static Generator<Integer, Void> madeElsewhere(int n) {
        return counter(n);
    }

    /** The peer's counterpart of {@link #madeElsewhere}. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static Iterator<Integer> iteratorMadeElsewhere(int n) {
        return new CountingIterator(n);
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
