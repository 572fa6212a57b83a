package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Awaits inside switches, for-each loops, labelled loops, concatenation and compound assignment. */
class ControlFlowTest {
    enum Color { RED, GREEN, BLUE }

    @Async
    @SuppressWarnings("fallthrough") // the fall-through is the shape under test
    static Coroutine<String> switches(int i, String s, Color c) {
        StringBuilder out = new StringBuilder();
        switch (Weft.await(Later.value(i))) {
            case 1: out.append("one"); break;
            case 2: out.append(Weft.await(Later.value("two"))); // fall through
            case 3: out.append("three"); break;
            default: out.append("other");
        }
        switch (Weft.await(Later.value(s))) {
            case "a": out.append("-A"); break;
            case "b": out.append("-").append(Weft.await(Later.value("B"))); break;
            default: out.append("-?");
        }
        switch (c) {
            case RED: out.append("-r"); break;
            case GREEN: out.append("-").append(Weft.await(Later.value("g"))); break;
            default: out.append("-b");
        }
        String e = switch (Weft.await(Later.value(c))) {
            case RED -> "R";
            case GREEN -> Weft.await(Later.value("G"));
            case BLUE -> {
                String x = Weft.await(Later.value("B"));
                yield x + x;
            }
        };
        return Weft.done(out.append("-").append(e).toString());
    }

    @Test
    void switch_onIntsStringsEnumsAndSwitchExpressions_withAwaitInSelectorsAndArms() {
        assertEquals("twothree-B-g-G", Weft.run(switches(2, "b", Color.GREEN)));
        assertEquals("one-A-r-R", Weft.run(switches(1, "a", Color.RED)));
        assertEquals("other-?-b-BB", Weft.run(switches(9, "z", Color.BLUE)));
    }

    @Async
    static Coroutine<String> forEachAndLabels(int[] numbers, List<String> words) {
        int sum = 0;
        for (int n : numbers) {
            sum += Weft.await(Later.value(n));
        }
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(Weft.await(Later.value(w.toUpperCase())));
        }
        int found = -1;
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j > i) {
                    continue outer;
                }
                if (Weft.await(Later.value(i * j)) == 6) {
                    found = i * 10 + j;
                    break outer;
                }
            }
        }
        return Weft.done(sum + ":" + b + ":" + found);
    }

    @Test
    void forEachOverArraysAndIterables_andLabelledBreakContinue_withAwaits() {
        assertEquals("10:ABC:32", Weft.run(forEachAndLabels(new int[] {1, 2, 3, 4}, List.of("a", "b", "c"))));
    }

    @Async
    static Coroutine<String> concatAndCompound() {
        String s = "a" + Weft.await(Later.value("b")) + 1 + Weft.await(Later.value('c')) + 2.5;
        int[] arr = {1, 2, 3};
        int i = 1;
        arr[i] += Weft.await(Later.value(40));
        long[] longs = {5L};
        longs[0] *= Weft.await(Later.value(3L));
        double[] doubles = {1.5};
        doubles[0] -= Weft.await(Later.value(0.25));
        List<Integer> list = new ArrayList<>(List.of(7, 8));
        list.set(Weft.await(Later.value(1)), list.get(0) + Weft.await(Later.value(100)));
        int nested = 1 + Weft.await(twice(Weft.await(Later.value(5))));
        return Weft.done(s + "|" + arr[1] + "|" + longs[0] + "|" + doubles[0] + "|" + list + "|" + nested);
    }

    @Async
    static Coroutine<Integer> twice(int x) {
        return Weft.done(Weft.await(Later.value(x)) * 2);
    }

    @Test
    void stringConcatenationCompoundAssignmentAndNestedAwaits_computeAsUnwoven() {
        assertEquals("ab1c2.5|42|15|1.25|[7, 107]|11", Weft.run(concatAndCompound()));
    }
}
