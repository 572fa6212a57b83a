package dev.weft.it.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import dev.weft.GeneratorState;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Weft.yieldFrom} forwards the whole protocol to the sub-generator, as PEP 380 says:
 * {@code throwInto} and {@code close} reach the innermost generator first, an exception the
 * sub-generator does not handle surfaces at the delegating {@code yieldFrom}, and a
 * hand-written {@link Generator} is driven the same way as a woven one.
 */
class DelegationForwardingTest {

    @Async
    static Generator<String, String> inner(List<String> log) {
        try {
            for (;;) {
                try {
                    String got = Weft.yield("inner ready");
                    log.add("inner got " + got);
                } catch (IllegalArgumentException e) {
                    log.add("inner caught " + e.getMessage());
                }
            }
        } finally {
            log.add("inner finally");
        }
    }

    @Async
    static Generator<String, String> outer(List<String> log, Generator<String, String> sub) {
        try {
            Weft.yieldFrom(sub);
            log.add("outer after yieldFrom");
            return null;
        } finally {
            log.add("outer finally");
        }
    }

    @Test
    void throwInto_isHandledByTheSubGenerator_andItsNextValueComesBack() {
        List<String> log = new ArrayList<>();
        Generator<String, String> g = outer(log, inner(log));
        assertEquals("inner ready", g.next());
        assertEquals("inner ready", g.throwInto(new IllegalArgumentException("bad")));
        assertEquals("inner ready", g.send("x"));
        assertEquals(List.of("inner caught bad", "inner got x"), log);
        assertEquals(GeneratorState.SUSPENDED, g.state());
    }

    @Test
    void close_closesTheSubGeneratorFirst_thenRunsTheDelegatorsFinally() {
        List<String> log = new ArrayList<>();
        Generator<String, String> sub = inner(log);
        Generator<String, String> g = outer(log, sub);
        g.next();
        g.close();
        assertEquals(List.of("inner finally", "outer finally"), log);
        assertEquals(GeneratorState.CLOSED, sub.state());
        assertEquals(GeneratorState.CLOSED, g.state());
    }

    @Async
    static Generator<String, Void> fragile(List<String> log) {
        try {
            Weft.yield("fragile ready");
            return Generator.returning("unreached");
        } finally {
            log.add("fragile finally");
        }
    }

    @Async
    static Generator<String, Void> recovering(List<String> log) {
        try {
            Weft.yieldFrom(fragile(log));
        } catch (IllegalArgumentException e) {
            log.add("delegator caught " + e.getMessage());
        }
        Weft.yield("delegator goes on");
        return Generator.returning("delegator done");
    }

    @Test
    void throwInto_notHandledBySub_surfacesAtTheYieldFromInTheDelegator() {
        List<String> log = new ArrayList<>();
        Generator<String, Void> g = recovering(log);
        assertEquals("fragile ready", g.next());
        assertEquals("delegator goes on", g.throwInto(new IllegalArgumentException("bad")));
        assertEquals(List.of("fragile finally", "delegator caught bad"), log);
        StopIteration end = assertThrows(StopIteration.class, g::next);
        assertEquals("delegator done", end.<String>value());
    }

    @Async
    static Generator<String, Void> stubborn() {
        for (;;) {
            try {
                Weft.yield("again");
            } catch (GeneratorExit ignored) {
                // a protocol error: a generator must let GeneratorExit end it
            }
        }
    }

    @Async
    static Generator<String, Void> delegatingTo(Generator<String, Void> sub, List<String> log) {
        try {
            Weft.yieldFrom(sub);
            return null;
        } finally {
            log.add("delegator finally");
        }
    }

    @Test
    void close_whenTheSubGeneratorIgnoresGeneratorExit_failsThroughTheDelegator() {
        List<String> log = new ArrayList<>();
        Generator<String, Void> g = delegatingTo(stubborn(), log);
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertTrue(e.getMessage().contains("ignored GeneratorExit"), e.getMessage());
        assertEquals(List.of("delegator finally"), log);
        assertEquals(GeneratorState.CLOSED, g.state());
    }

    @Async
    static Generator<Integer, Integer> summing() {
        int total = 0;
        for (Integer v = Weft.yield(total); v != null; v = Weft.yield(total)) {
            total += v;
        }
        return Generator.returning(total);
    }

    @Async
    static Generator<Integer, Integer> middle(List<Integer> results) {
        Integer sum = Weft.yieldFrom(summing());
        results.add(sum);
        return Generator.returning(sum * 10);
    }

    @Async
    static Generator<Integer, Integer> top(List<Integer> results) {
        Integer scaled = Weft.yieldFrom(middle(results));
        results.add(scaled);
        return null;
    }

    @Test
    void send_throughTwoLevelsOfDelegation_reachesTheInnermost_andResultsComeBackUp() {
        List<Integer> results = new ArrayList<>();
        Generator<Integer, Integer> g = top(results);
        assertEquals(0, g.next());
        assertEquals(3, g.send(3));
        assertEquals(7, g.send(4));
        assertThrows(StopIteration.class, () -> g.send(null));
        assertEquals(List.of(7, 70), results);
    }

    /** A generator written by hand, not woven: the delegator must drive it through its API. */
    static final class Countdown implements Generator<Integer, Integer> {
        private int left;
        private int received;
        private GeneratorState state = GeneratorState.CREATED;

        Countdown(int from) {
            this.left = from;
        }

        @Override
        public Integer next() {
            return send(null);
        }

        @Override
        public Integer send(Integer value) {
            if (value != null) {
                received += value;
            }
            if (left == 0) {
                state = GeneratorState.CLOSED;
                throw new StopIteration("received " + received);
            }
            state = GeneratorState.SUSPENDED;
            return left--;
        }

        @Override
        public Integer throwInto(Throwable error) {
            state = GeneratorState.CLOSED;
            throw new IllegalStateException("countdown got " + error.getMessage());
        }

        @Override
        public void close() {
            state = GeneratorState.CLOSED;
        }

        @Override
        public GeneratorState state() {
            return state;
        }

        @Override
        public <R> R returnValue() {
            return null;
        }
    }

    @Async
    static Generator<Integer, Integer> overCountdown(List<String> log) {
        String result = Weft.yieldFrom(new Countdown(3));
        log.add(result);
        try {
            Weft.yieldFrom(new Countdown(1));
        } catch (IllegalStateException e) {
            log.add(e.getMessage());
        }
        return null;
    }

    @Test
    void yieldFrom_aHandWrittenGenerator_forwardsSendAndThrowInto() {
        List<String> log = new ArrayList<>();
        Generator<Integer, Integer> g = overCountdown(log);
        assertEquals(3, g.next());
        assertEquals(2, g.send(10));
        assertEquals(1, g.send(5));
        assertEquals(1, g.send(null)); // the first countdown ends; the second one starts
        assertThrows(StopIteration.class, () -> g.throwInto(new IllegalArgumentException("x")));
        assertEquals(List.of("received 15", "countdown got x"), log);
    }

    @Async
    static Generator<Integer, Integer> overList(List<String> log) {
        try {
            Weft.yieldFrom(List.of(1, 2));
        } catch (IllegalStateException e) {
            log.add("delegator caught: " + e.getMessage());
        }
        return null;
    }

    @Test
    void send_nonNullIntoAPlainIterable_failsAtTheDelegatorsYieldFrom() {
        List<String> log = new ArrayList<>();
        Generator<Integer, Integer> g = overList(log);
        assertEquals(1, g.next());
        assertThrows(StopIteration.class, () -> g.send(5));
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("cannot send a value to a plain Iterable"), log.get(0));
    }
}
