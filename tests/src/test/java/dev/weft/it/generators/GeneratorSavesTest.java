package dev.weft.it.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Generator;
import dev.weft.GeneratorState;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a plain generator's yield saves and returns: the yield returns its value from the body
 * (nothing parked in the frame), its end is marked in the frame's state, and an argument the
 * body never assigns is not saved again at each yield (its slot still holds it) — unless some
 * yield keeps another value in that slot, which must then win.
 */
class GeneratorSavesTest {

    /** {@code n}, {@code step} and {@code scale} are never assigned: saved once, by the factory. */
    @Async
    static Generator<Object, Object> scaled(int n, long step, double scale, String tag) {
        for (int i = 0; i < n; i++) {
            Object sent = Weft.yield(tag + (i * step * scale));
            if (sent != null) {
                Weft.yield("got " + sent + " at " + i);
            }
        }
        return Generator.returning(tag + n);
    }

    @Test
    void unassignedArguments_keepTheirValuesAcrossEveryYield() {
        Generator<Object, Object> g = scaled(3, 2L, 1.5, "x");
        assertEquals("x0.0", g.next());
        assertEquals("got hi at 0", g.send("hi"));
        assertEquals("x3.0", g.next());
        assertEquals("x6.0", g.next());
        StopIteration end = assertThrows(StopIteration.class, g::next);
        assertEquals("x3", end.value());
        assertEquals(GeneratorState.CLOSED, g.state());
    }

    /** {@code n} is assigned in the body: saved at every yield. */
    @Async
    static Generator<Integer, Void> countdown(int n) {
        while (n > 0) {
            Weft.yield(n);
            n -= 2;
        }
        return null;
    }

    @Test
    void anAssignedArgument_isSavedAtEveryYield() {
        List<Integer> out = new ArrayList<>();
        for (int v : countdown(7)) {
            out.add(v);
        }
        assertEquals(List.of(7, 5, 3, 1), out);
    }

    /**
     * {@code a} is never assigned, but at the second yield a long on the operand stack (the left
     * operand {@code base}) comes first and takes primitive slot 0, {@code a}'s slot, so {@code a}
     * must be saved there: had it been left out, resuming the first yield after the second ran
     * once would read {@code base}'s bits.
     */
    @Async
    static Generator<Object, Object> shared(long a, long base) {
        long total = 0;
        for (int i = 0; i < 3; i++) {
            Weft.yield(a);
            total += base + (Long) Weft.yield(-a);
        }
        return Generator.returning(total);
    }

    @Test
    void anArgumentWhoseSlotAnotherYieldUses_isStillRestored() {
        Generator<Object, Object> g = shared(5L, 100L);
        long sum = 0;
        assertEquals(5L, g.next());
        for (int i = 0; i < 3; i++) {
            assertEquals(-5L, g.next());
            Object next;
            try {
                next = g.send(10L + i);
            } catch (StopIteration end) {
                assertEquals((Object) (3 * 100L + 10 + 11 + 12), end.value());
                return;
            }
            assertEquals(5L, next, "a after a resume of the second yield");
            sum++;
        }
        throw new AssertionError("the generator did not finish after " + sum + " rounds");
    }

    /** Yielding null, and values the runtime uses internally, is told from the end. */
    @Async
    static Generator<Object, Void> nulls() {
        Weft.yield(null);
        Weft.yield(null);
        return Generator.returning(null);
    }

    @Test
    void yieldedNulls_areValuesNotTheEnd() {
        Generator<Object, Void> g = nulls();
        assertNull(g.next());
        assertNull(g.next());
        assertEquals(GeneratorState.SUSPENDED, g.state());
        assertThrows(StopIteration.class, g::next);
        assertNull(g.returnValue());
    }

    /** A yield with a value below it on the stack: {@code out.add(yield)} keeps {@code out} there. */
    @Async
    static Generator<String, String> collect(List<String> out, int n) {
        for (int i = 0; i < n; i++) {
            out.add(Weft.yield("ask " + i));
        }
        return Generator.returning(out.size());
    }

    @Test
    void aYieldWithTheStackBelowIt_restoresTheStack() {
        List<String> out = new ArrayList<>();
        Generator<String, String> g = collect(out, 2);
        assertEquals("ask 0", g.next());
        assertEquals("ask 1", g.send("a"));
        StopIteration end = assertThrows(StopIteration.class, () -> g.send("b"));
        assertEquals(2, (int) end.value());
        assertEquals(List.of("a", "b"), out);
    }

    /** A generator that ends before its first yield: the end is told by the state alone. */
    @Async
    static Generator<String, Void> empty(boolean yieldAny) {
        if (yieldAny) {
            Weft.yield("one");
        }
        return Generator.returning("nothing");
    }

    @Test
    void aGeneratorThatNeverYields_endsAtOnceWithItsValue() {
        StopIteration end = assertThrows(StopIteration.class, () -> empty(false).next());
        assertEquals("nothing", end.value());
        Generator<String, Void> g = empty(true);
        assertEquals("one", g.next());
        assertEquals("nothing", assertThrows(StopIteration.class, g::next).value());
    }
}
