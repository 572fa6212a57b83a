package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Awaits inside expressions: ternaries, short-circuit operators, string concatenation of every
 * type, compound assignments to array elements and fields, receivers with awaited arguments,
 * and {@code @Async} calls nested in each other's arguments.
 */
class ExpressionsTest {
    private long total = 1L;
    private static double ratio = 2.0;
    private int counter;

    @Async
    static Coroutine<String> ternaries(int n) {
        String a = n > 0 ? Weft.await(Later.value("pos")) : n < 0 ? "neg" : Weft.await(Later.value("zero"));
        int b = (Weft.await(Later.value(n)) % 2 == 0 ? 10 : 20) + (n > 5 ? Weft.await(Later.value(100)) : 0);
        long c = 3L * (n == 1 ? Weft.await(Later.value(7L)) : 1L);
        return Weft.done(a + " " + b + " " + c);
    }

    @Async
    static Coroutine<String> shortCircuits(boolean x) {
        boolean and = x && Weft.await(Later.value(true));
        boolean or = x || Weft.await(Later.value(false));
        boolean mixed = !(Weft.await(Later.value(x)) && !x) ^ Weft.await(Later.value(x));
        return Weft.done(and + " " + or + " " + mixed);
    }

    @Async
    static Coroutine<String> concatenationOfEveryType() {
        boolean z = true;
        char c = 'c';
        long j = -1L;
        float f = 0.5f;
        Object n = null;
        String s = "a" + z + Weft.await(Later.value((byte) 2)) + c + Weft.await(Later.value((short) 3)) + j
                + Weft.await(Later.value(4)) + f + Weft.await(Later.value(6.5)) + n + Weft.await(Later.value('!'))
                + 1 + 2L;
        return Weft.done(s + (Weft.await(Later.value(1)) + 1) + "|" + 1 + 1 + Weft.await(Later.value("x")));
    }

    @Async
    static Coroutine<String> arrayCompoundAssignments() {
        int[] ints = {1, 2, 3};
        int i = 0;
        ints[i++] += Weft.await(Later.value(10));
        ints[Weft.await(Later.value(2))]++;
        byte[] bytes = {120};
        bytes[0] += Weft.await(Later.value(10)); // narrows and wraps, as unwoven
        char[] chars = {'a'};
        chars[0] += Weft.await(Later.value(2));
        short[] shorts = {7};
        shorts[0] <<= Weft.await(Later.value(2));
        long[][] grid = {{1L, 2L}, {3L, 4L}};
        grid[1][i] *= Weft.await(Later.value(5L));
        double[] ds = {10.0};
        ds[0] /= Weft.await(Later.value(4.0));
        float[] fs = {1f};
        fs[0] -= Weft.await(Later.value(0.25f));
        String[] strs = {"s"};
        strs[0] += Weft.await(Later.value("t"));
        return Weft.done(ints[0] + "," + ints[1] + "," + ints[2] + "," + i + "," + bytes[0] + "," + chars[0] + ","
                + shorts[0] + "," + grid[1][1] + "," + ds[0] + "," + fs[0] + "," + strs[0]);
    }

    @Async
    Coroutine<String> fieldCompoundAssignments() {
        total += Weft.await(Later.value(41L));
        ratio *= Weft.await(Later.value(1.5));
        this.counter -= Weft.await(Later.value(3));
        counter++;
        return Weft.done(total + " " + ratio + " " + counter);
    }

    @Async
    static Coroutine<String> receiversWithAwaitedArguments() {
        List<String> list = new ArrayList<>(List.of("a", "b", "c"));
        String got = list.get(Weft.await(Later.value(1))) + list.get(list.size() - Weft.await(Later.value(1)));
        StringBuilder sb = new StringBuilder().append(Weft.await(Later.value("x"))).append(1)
                .append(Weft.await(Later.value(2.5))).append('-').append(Weft.await(Later.value(3L)));
        Map<String, Integer> map = new TreeMap<>();
        map.merge(Weft.await(Later.value("k")), Weft.await(Later.value(1)), Integer::sum);
        map.merge("k", Weft.await(Later.value(2)), Integer::sum);
        list.set(0, list.get(Weft.await(Later.value(2))).repeat(Weft.await(Later.value(2))));
        return Weft.done(got + " " + sb + " " + map + " " + list);
    }

    @Async
    static Coroutine<Integer> g() {
        return Weft.done(Weft.await(Later.value(2)));
    }

    @Async
    static Coroutine<Integer> f(int x) {
        return Weft.done(x * Weft.await(Later.value(10)));
    }

    @Async
    static Coroutine<Long> h(long a, int b) {
        return Weft.done(a - b);
    }

    @Async
    static Coroutine<String> asyncCallsInExpressions() {
        int a = 1 + Weft.await(f(Weft.await(g())));
        long b = Weft.await(h(Weft.await(f(Weft.await(g()))), Weft.await(g()))) * Weft.await(g());
        String c = "c" + Weft.await(f(1)) + Weft.await(h(5L, Weft.await(f(Weft.await(g())))));
        return Weft.done(a + " " + b + " " + c);
    }

    @Test
    void ternaries_withAwaitsInConditionsAndArms_chooseAsUnwoven() {
        assertEquals("pos 20 21", Weft.run(ternaries(1)));
        assertEquals("zero 10 3", Weft.run(ternaries(0)));
        assertEquals("pos 120 3", Weft.run(ternaries(7)));
        assertEquals("neg 10 3", Weft.run(ternaries(-2)));
    }

    @Test
    void shortCircuitOperators_evaluateTheAwaitOnlyWhenNeeded() {
        assertEquals("true true false", Weft.run(shortCircuits(true)));
        assertEquals("false false true", Weft.run(shortCircuits(false)));
    }

    @Test
    void stringConcatenation_ofEveryTypeAroundAwaits_matchesUnwoven() {
        assertEquals("atrue2c3-140.56.5null!122|11x", Weft.run(concatenationOfEveryType()));
    }

    @Test
    void compoundAssignmentsToArrayElementsOfEveryType_matchUnwoven() {
        assertEquals("11,2,4,1,-126,c,28,20,2.5,0.75,st", Weft.run(arrayCompoundAssignments()));
    }

    @Test
    void compoundAssignmentsToInstanceAndStaticFields_matchUnwoven() {
        ratio = 2.0;
        assertEquals("42 3.0 -2", Weft.run(new ExpressionsTest().fieldCompoundAssignments()));
    }

    @Test
    void receiversBelowAwaitedArguments_areCalledOnTheRightObject() {
        assertEquals("bc x12.5-3 {k=3} [cc, b, c]", Weft.run(receiversWithAwaitedArguments()));
    }

    @Test
    void asyncCallsNestedInArgumentsAndOperators_computeAsUnwoven() {
        assertEquals("21 36 c10-15", Weft.run(asyncCallsInExpressions()));
    }
}
