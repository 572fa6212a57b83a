package dev.weft.it.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import dev.weft.GeneratorState;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Generators follow Python's protocol: next/send/throwInto/close, return values, iteration. */
class GeneratorTest {

    @Async
    static Generator<Long, Void> fib(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            Weft.yield(a);
            long t = a + b;
            a = b;
            b = t;
        }
        return Generator.returning("done after " + n);
    }

    @Test
    void forEach_overFib_yieldsTheSequenceAndKeepsTheReturnValue() {
        List<Long> values = new ArrayList<>();
        Generator<Long, Void> gen = fib(10);
        for (long v : gen) {
            values.add(v);
        }
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), values);
        assertEquals(GeneratorState.CLOSED, gen.state());
        assertEquals("done after 10", gen.<String>returnValue());
    }

    @Test
    void stream_overFib_isLazy() {
        assertEquals("0,1,1,2,3", fib(1_000_000).stream().limit(5).map(String::valueOf)
                .collect(Collectors.joining(",")));
    }

    @Test
    void next_afterTheEnd_throwsStopIterationWithReturnValue() {
        Generator<Long, Void> gen = fib(1);
        assertEquals(0L, gen.next());
        StopIteration stop = assertThrows(StopIteration.class, gen::next);
        assertEquals("done after 1", stop.<String>value());
        assertEquals("done after 1", assertThrows(StopIteration.class, gen::next).<String>value());
    }

    @Async
    static Generator<String, String> grep(String pattern, List<String> out) {
        out.add("Looking for " + pattern);
        try {
            for (;;) {
                String line = Weft.yield(null);
                if (line.contains(pattern)) {
                    out.add(line);
                }
            }
        } finally {
            out.add("Going away. Goodbye");
        }
    }

    @Test
    void send_toGrepCoroutine_filtersLinesAndCloseRunsFinally() {
        List<String> out = new ArrayList<>();
        Generator<String, String> search = grep("coroutine", out);
        assertEquals(GeneratorState.CREATED, search.state());
        assertNull(search.next());
        search.send("I love you");
        search.send("Don't you love me?");
        search.send("I love coroutines instead!");
        assertEquals(GeneratorState.SUSPENDED, search.state());
        search.close();
        assertEquals(GeneratorState.CLOSED, search.state());
        assertEquals(List.of("Looking for coroutine", "I love coroutines instead!", "Going away. Goodbye"), out);
        search.close(); // closing twice is fine
    }

    @Test
    void send_nonNullToJustCreated_failsAndLeavesItUsable() {
        Generator<String, String> search = grep("x", new ArrayList<>());
        assertThrows(IllegalStateException.class, () -> search.send("too early"));
        assertEquals(GeneratorState.CREATED, search.state());
        assertNull(search.next());
        assertEquals(GeneratorState.SUSPENDED, search.state());
    }

    @Async
    static Generator<Integer, Integer> averager(List<String> log) {
        int total = 0;
        int count = 0;
        for (;;) {
            Integer term = Weft.yield(count == 0 ? null : total / count);
            if (term == null) {
                break;
            }
            total += term;
            count++;
        }
        log.add("averager done");
        return Generator.returning(count == 0 ? 0 : total / count);
    }

    @Async
    static Generator<Integer, Integer> grouper(List<Integer> results, List<String> log) {
        for (;;) {
            Integer avg = Weft.yieldFrom(averager(log));
            results.add(avg);
        }
    }

    @Test
    void yieldFrom_forwardsSendsAndReturnsTheSubGeneratorsResult() {
        List<Integer> results = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Generator<Integer, Integer> g = grouper(results, log);
        g.next();
        for (int v : new int[] {10, 20, 30}) {
            g.send(v);
        }
        g.send(null); // ends the first averager: grouper stores 20 and starts another
        g.send(4);
        g.send(null);
        assertEquals(List.of(20, 4), results);
        assertEquals(List.of("averager done", "averager done"), log);
    }

    @Async
    static Generator<String, Void> catcher(List<String> log) {
        for (;;) {
            try {
                Weft.yield("ready");
            } catch (IllegalArgumentException e) {
                log.add("caught " + e.getMessage());
                Weft.yield("recovered");
            }
        }
    }

    @Test
    void throwInto_atSuspendedYield_isCaughtByTheBody() {
        List<String> log = new ArrayList<>();
        Generator<String, Void> g = catcher(log);
        assertEquals("ready", g.next());
        assertEquals("recovered", g.throwInto(new IllegalArgumentException("bad")));
        assertEquals(List.of("caught bad"), log);
        assertEquals("ready", g.next());
    }

    @Test
    void throwInto_justCreated_closesAndThrows() {
        Generator<String, Void> g = catcher(new ArrayList<>());
        IllegalArgumentException e = new IllegalArgumentException("early");
        assertSame(e, assertThrows(IllegalArgumentException.class, () -> g.throwInto(e)));
        assertEquals(GeneratorState.CLOSED, g.state());
    }

    @Async
    static Generator<String, Void> stubborn() {
        for (;;) {
            try {
                Weft.yield("again");
            } catch (GeneratorExit e) {
                // swallowing the close request is a protocol error
            }
        }
    }

    @Test
    void close_whenGeneratorYieldsAgain_fails() {
        Generator<String, Void> g = stubborn();
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertTrue(e.getMessage().contains("ignored GeneratorExit"), e.getMessage());
    }

    @Async
    static Generator<String, Void> failing() {
        Weft.yield("one");
        throw new UnsupportedOperationException("boom");
    }

    @Test
    void exceptionEscapingTheBody_propagatesAndClosesTheGenerator() {
        Generator<String, Void> g = failing();
        g.next();
        assertThrows(UnsupportedOperationException.class, g::next);
        assertEquals(GeneratorState.CLOSED, g.state());
        assertThrows(StopIteration.class, g::next);
    }

    @Async
    static Generator<String, Void> reentrant(Generator<?, ?>[] self) {
        Weft.yield("first");
        self[0].next(); // a generator may not resume itself
        Weft.yield("unreached");
        return null;
    }

    @Test
    void reenteringARunningGenerator_fails() {
        Generator<?, ?>[] self = new Generator<?, ?>[1];
        Generator<String, Void> g = reentrant(self);
        self[0] = g;
        g.next();
        assertThrows(IllegalStateException.class, g::next);
    }

    @Async
    static Generator<Integer, Void> chained() {
        Weft.yieldFrom(List.of(1, 2, 3));
        Weft.yieldFrom(fib(3).stream().map(Long::intValue).toList());
        return null;
    }

    @Test
    void yieldFrom_anIterable_yieldsItsElements() {
        List<Integer> out = new ArrayList<>();
        chained().forEach(out::add);
        assertEquals(List.of(1, 2, 3, 0, 1, 1), out);
    }

    @Async
    static Generator<Integer, Void> logged(List<String> log) {
        for (int i = 0; i < 2; i++) {
            log.add("yield " + i);
            Weft.yield(i);
        }
        log.add("end");
        return Generator.returning("r");
    }

    @Test
    void iterator_hasNextRunsTheBodyOnceAndNextTakesTheValue() {
        List<String> log = new ArrayList<>();
        Generator<Integer, Void> gen = logged(log);
        Iterator<Integer> it = gen.iterator();
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals(List.of("yield 0"), log);
        assertEquals(0, it.next());
        assertEquals(1, it.next()); // next() without hasNext() runs the body too
        assertFalse(it.hasNext());
        assertEquals(List.of("yield 0", "yield 1", "end"), log);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals("r", gen.<String>returnValue());
    }

    @Test
    void iterator_ofAClosedGenerator_isEmptyAndRunsNothing() {
        List<String> log = new ArrayList<>();
        Generator<Integer, Void> gen = logged(log);
        gen.close();
        assertFalse(gen.iterator().hasNext());
        assertEquals(List.of(), log);
    }

    @Test
    void iterator_continuesWhereNextLeftOff() {
        Generator<Long, Void> gen = fib(4);
        assertEquals(0L, gen.next());
        List<Long> rest = new ArrayList<>();
        gen.forEach(rest::add);
        assertEquals(List.of(1L, 1L, 2L), rest);
    }

    @Test
    void toString_namesTheGeneratorAndItsState() {
        Generator<Long, Void> gen = fib(1);
        assertTrue(gen.toString().startsWith("<generator "), gen.toString());
        assertTrue(gen.toString().endsWith(" created>"), gen.toString());
        gen.next();
        assertTrue(gen.toString().endsWith(" suspended>"), gen.toString());
    }

    /** Live across every yield: more values of each kind than a generator frame has fields for. */
    @Async
    static Generator<String, Void> manyLocals(String a, long b, double c) {
        int i1 = 1;
        long l1 = 2L;
        float f1 = 3.5f;
        double d1 = 4.25;
        boolean z = true;
        char ch = 'x';
        String s1 = "s1";
        String s2 = "s2";
        Object o1 = List.of(1);
        int[] arr = {7};
        for (int k = 0; k < 3; k++) {
            Object got = Weft.yield(a + b + c + i1 + l1 + f1 + d1 + z + ch + s1 + s2 + o1 + arr[0] + k);
            i1 += k;
            l1 *= 2;
            f1 += 1;
            d1 /= 2;
            z = !z;
            ch++;
            s1 = s1 + got;
            arr[0]++;
        }
        return Generator.returning(s1 + "/" + s2 + "/" + i1 + "/" + l1 + "/" + f1 + "/" + d1);
    }

    /** The same computation as {@link #manyLocals}, unwoven: yields go to {@code out}, sends come from {@code sent}. */
    static String manyLocalsPlain(String a, long b, double c, List<String> out, List<Object> sent) {
        int i1 = 1;
        long l1 = 2L;
        float f1 = 3.5f;
        double d1 = 4.25;
        boolean z = true;
        char ch = 'x';
        String s1 = "s1";
        String s2 = "s2";
        Object o1 = List.of(1);
        int[] arr = {7};
        for (int k = 0; k < 3; k++) {
            out.add(a + b + c + i1 + l1 + f1 + d1 + z + ch + s1 + s2 + o1 + arr[0] + k);
            Object got = sent.get(k);
            i1 += k;
            l1 *= 2;
            f1 += 1;
            d1 /= 2;
            z = !z;
            ch++;
            s1 = s1 + got;
            arr[0]++;
        }
        return s1 + "/" + s2 + "/" + i1 + "/" + l1 + "/" + f1 + "/" + d1;
    }

    @Test
    void manyLiveLocals_ofEveryKind_surviveEachYield() {
        List<Object> sent = java.util.Arrays.asList(null, "Q", "R"); // what each yield receives
        List<String> expected = new ArrayList<>();
        String expectedReturn = manyLocalsPlain("a", 5L, 0.5, expected, sent);
        Generator<String, Object> gen = castSend(manyLocals("a", 5L, 0.5));
        List<String> got = new ArrayList<>();
        got.add(gen.next());
        got.add(gen.send(sent.get(0)));
        got.add(gen.send(sent.get(1)));
        StopIteration end = assertThrows(StopIteration.class, () -> gen.send(sent.get(2)));
        assertEquals(expected, got);
        assertEquals(expectedReturn, end.<String>value());
    }

    @SuppressWarnings("unchecked")
    private static Generator<String, Object> castSend(Generator<String, Void> g) {
        return (Generator<String, Object>) (Generator<?, ?>) g;
    }
}
