package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Loops and switches beyond {@link ControlFlowTest}: awaits in loop conditions and updates,
 * {@code while (true)} with {@code continue}, labelled {@code continue} out of a do/while,
 * for-each over a user {@code Iterable} and a map, wide loop counters; sparse and dense switches,
 * char selectors, colliding string hashes, and switch expressions with values below them.
 */
class LoopsAndSwitchesTest {
    enum Op { ADD, SUB, MUL }

    /** An Iterable the weaver knows nothing about: its iterator is saved across awaits. */
    static final class Countdown implements Iterable<Integer> {
        private final int from;

        Countdown(int from) {
            this.from = from;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next = from;

                @Override
                public boolean hasNext() {
                    return next > 0;
                }

                @Override
                public Integer next() {
                    if (next <= 0) {
                        throw new NoSuchElementException();
                    }
                    return next--;
                }
            };
        }
    }

    @Async
    static Coroutine<String> awaitsInConditionsAndUpdates() {
        StringBuilder b = new StringBuilder();
        for (int i = Weft.await(Later.value(0)); i < Weft.await(Later.value(3)); i += Weft.await(Later.value(1))) {
            b.append(i);
        }
        int n = 0;
        while (true) {
            n++;
            if (n % 2 == 0) {
                continue;
            }
            if (Weft.await(Later.value(n)) > 4) {
                break;
            }
            b.append('.');
        }
        long big = 1L << 40;
        for (double d = 0.5; d < 2.0; d += Weft.await(Later.value(0.5))) {
            big += (long) (d * 2) + Weft.await(Later.value(1L));
        }
        return Weft.done(b + " " + n + " " + big);
    }

    @Async
    static Coroutine<String> labelledContinueOutOfDoWhile() {
        StringBuilder b = new StringBuilder();
        int i = 0;
        rows:
        while (i < 3) {
            i++;
            int j = 0;
            do {
                j++;
                if (Weft.await(Later.value(j)) == i) {
                    b.append(i).append(j).append(' ');
                    continue rows;
                }
            } while (j < 5);
            b.append("never");
        }
        return Weft.done(b.toString().trim());
    }

    @Async
    static Coroutine<String> forEachOverUserIterableAndMap() {
        StringBuilder b = new StringBuilder();
        for (int v : new Countdown(3)) {
            b.append(Weft.await(Later.value(v)));
        }
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("a", 1L);
        map.put("b", 2L);
        for (Map.Entry<String, Long> e : map.entrySet()) {
            e.setValue(e.getValue() + Weft.await(Later.value(10L)));
        }
        for (long[] row : new long[][] {{1L}, {2L, 3L}}) {
            for (long x : row) {
                b.append(x * Weft.await(Later.value(2L)));
            }
        }
        return Weft.done(b + " " + map);
    }

    @Async
    @SuppressWarnings("fallthrough") // the fall-through is the shape under test
    static Coroutine<String> sparseDenseAndCharSwitches(int sparse, char c) {
        String s;
        switch (sparse) {
            case -1000000: s = "min"; break;
            case 7: s = Weft.await(Later.value("seven")); break;
            case 1 << 20: s = "mega" + Weft.await(Later.value("!")); break;
            default: s = "?";
        }
        switch (Weft.await(Later.value(c))) {
            case 'a':
            case 'b':
                s += Weft.await(Later.value("ab"));
                break;
            case 'z':
                s += "z";
                // fall through
            default:
                s += Weft.await(Later.value("-default"));
        }
        return Weft.done(s);
    }

    @Async
    static Coroutine<String> collidingStringHashes(String key) {
        // "Aa" and "BB" share a hash code: javac's string switch compares with equals after it.
        String r = switch (Weft.await(Later.value(key))) {
            case "Aa" -> "first " + Weft.await(Later.value(1));
            case "BB" -> "second " + Weft.await(Later.value(2));
            default -> "none";
        };
        return Weft.done(r);
    }

    static String tag(int a, long b, String s) {
        return a + ":" + b + ":" + s;
    }

    @Async
    static Coroutine<String> switchExpressionsBelowOtherOperands(Op op, int x) {
        String s = tag(x, 2L * x, switch (op) {
            case ADD -> "add" + Weft.await(Later.value(x + 1));
            case SUB -> {
                int y = Weft.await(Later.value(x - 1));
                yield "sub" + y;
            }
            case MUL -> "mul" + Weft.await(Later.value(x * x));
        });
        // A try inside a switch expression used as a call argument crashes javac 17 (its
        // operand-stack spilling); as an assignment it compiles.
        String tried = switch (op) {
            case MUL -> {
                try {
                    yield "-" + Weft.await(Later.<Integer>failure(new ArithmeticException("m")));
                } catch (ArithmeticException e) {
                    yield "-" + e.getMessage() + Weft.await(Later.value(x));
                }
            }
            default -> "";
        };
        int nested = switch (x) {
            case 1 -> switch (op) {
                case ADD -> Weft.await(Later.value(11));
                default -> 12;
            };
            default -> 100 + switch (Weft.await(Later.value(op))) {
                case MUL -> Weft.await(Later.value(3));
                default -> 4;
            };
        };
        return Weft.done(s + tried + " " + nested);
    }

    @Test
    void loops_withAwaitsInInitConditionUpdateAndWideCounters_computeAsUnwoven() {
        assertEquals("012.. 5 " + ((1L << 40) + 1 + 1 + 2 + 1 + 3 + 1), Weft.run(awaitsInConditionsAndUpdates()));
    }

    @Test
    void labelledContinue_outOfADoWhileAfterAnAwait_resumesTheOuterLoop() {
        assertEquals("11 22 33", Weft.run(labelledContinueOutOfDoWhile()));
    }

    @Test
    void forEach_overUserIterablesMapsAndNestedArrays_withAwaits() {
        assertEquals("321246 {a=11, b=12}", Weft.run(forEachOverUserIterableAndMap()));
    }

    @Test
    void switches_sparseDenseAndOnChars_withFallThrough() {
        assertEquals("sevenab", Weft.run(sparseDenseAndCharSwitches(7, 'b')));
        assertEquals("mega!z-default", Weft.run(sparseDenseAndCharSwitches(1 << 20, 'z')));
        assertEquals("min-default", Weft.run(sparseDenseAndCharSwitches(-1000000, 'q')));
    }

    @Test
    void stringSwitch_onCollidingHashes_picksByEquality() {
        assertEquals("first 1", Weft.run(collidingStringHashes("Aa")));
        assertEquals("second 2", Weft.run(collidingStringHashes("BB")));
        assertEquals("none", Weft.run(collidingStringHashes("Ab")));
    }

    @Test
    void switchExpressions_asCallArgumentsAndNested_withTryAndYield() {
        assertEquals("1:2:add2 11", Weft.run(switchExpressionsBelowOtherOperands(Op.ADD, 1)));
        assertEquals("3:6:sub2 104", Weft.run(switchExpressionsBelowOtherOperands(Op.SUB, 3)));
        assertEquals("3:6:mul9-m3 103", Weft.run(switchExpressionsBelowOtherOperands(Op.MUL, 3)));
    }
}
