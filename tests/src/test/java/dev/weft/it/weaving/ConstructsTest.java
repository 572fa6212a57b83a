package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java constructs around awaits that really suspend: every primitive type and null as locals and
 * as operand-stack entries, branches, loops, try/catch/finally, static and instance methods,
 * nested and tail-delegated coroutines.
 */
class ConstructsTest {

    @Async
    static Coroutine<String> primitiveLocals() {
        boolean z = true;
        byte b = (byte) -7;
        char c = 'q';
        short s = (short) 30000;
        int i = 123456789;
        long j = 1L << 40;
        float f = 1.5f;
        double d = Math.PI;
        String str = "ref";
        Object nothing = null;
        int[] arr = {1, 2, 3};
        String awaited = Weft.await(Later.value("x"));
        return Weft.done(z + "," + b + "," + c + "," + s + "," + i + "," + j + "," + f + "," + d
                + "," + str + "," + nothing + "," + arr[2] + "," + awaited);
    }

    @Test
    void locals_ofEveryPrimitiveTypeAndNull_surviveSuspension() {
        assertEquals("true,-7,q,30000,123456789,1099511627776,1.5," + Math.PI + ",ref,null,3,x",
                Weft.run(primitiveLocals()));
    }

    static String join(int a, double b, long c, char d, float e, boolean f, Object g, String h) {
        return a + "|" + b + "|" + c + "|" + d + "|" + e + "|" + f + "|" + g + "|" + h;
    }

    @Async
    static Coroutine<String> primitiveStack() {
        long x = 5L + Weft.await(Later.value(7L)) * 2L;
        String s = join(1, 2.0, 3L, 'c', 4.5f, true, null, Weft.await(Later.value("s")));
        double y = 0.5 + Weft.await(Later.value(2.0)) / 4.0;
        return Weft.done(x + ";" + s + ";" + y);
    }

    @Test
    void stackEntries_ofEveryPrimitiveTypeAndNull_surviveSuspension() {
        assertEquals("19;1|2.0|3|c|4.5|true|null|s;1.0", Weft.run(primitiveStack()));
    }

    @Async
    static Coroutine<Integer> loops(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Weft.await(Later.value(i));
        }
        int k = 0;
        while (k < 3) {
            k += Weft.await(Later.value(1));
        }
        do {
            sum += 1000;
        } while (Weft.await(Later.value(false)));
        for (;;) {
            if (Weft.await(Later.value(k)) == 3) {
                break;
            }
        }
        return Weft.done(sum + k);
    }

    @Test
    void loops_withAwaitInBodiesAndConditions_computeAsUnwoven() {
        assertEquals(45 + 1000 + 3, Weft.run(loops(10)));
    }

    @Async
    static Coroutine<String> branches(int n) {
        String r;
        if (n > 0) {
            r = Weft.await(Later.value("pos"));
        } else if (n < 0) {
            r = Weft.await(Later.value("neg"));
        } else {
            r = "zero";
        }
        return Weft.done(n % 2 == 0 ? r + Weft.await(Later.value("-even")) : r);
    }

    @Test
    void branches_withAwaitInEachArm_takeTheRightPath() {
        assertEquals("pos-even", Weft.run(branches(2)));
        assertEquals("neg", Weft.run(branches(-1)));
        assertEquals("zero-even", Weft.run(branches(0)));
    }

    @Async
    static Coroutine<List<String>> tryCatchFinally(boolean fail) {
        List<String> log = new ArrayList<>();
        try {
            log.add("try");
            log.add(Weft.await(fail ? Later.<String>failure(new IllegalStateException("x")) : Later.value("ok")));
        } catch (IllegalStateException e) {
            log.add("catch " + e.getMessage());
            log.add(Weft.await(Later.value("in-catch")));
        } finally {
            log.add(Weft.await(Later.value("in-finally")));
        }
        return Weft.done(log);
    }

    @Test
    void tryCatchFinally_withAwaitInEachBlock_runsLikeUnwoven() {
        assertEquals(List.of("try", "ok", "in-finally"), Weft.run(tryCatchFinally(false)));
        assertEquals(List.of("try", "catch x", "in-catch", "in-finally"), Weft.run(tryCatchFinally(true)));
    }

    private final String prefix;

    ConstructsTest() {
        this.prefix = "inst";
    }

    @Async
    Coroutine<String> instanceMethod(int times) {
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < times; i++) {
            b.append(Weft.await(Later.value(i)));
        }
        return Weft.done(b.append(this.prefix).toString());
    }

    @Test
    void instanceMethod_keepsThisAcrossSuspensions() {
        assertEquals("inst012inst", Weft.run(new ConstructsTest().instanceMethod(3)));
    }

    @Async
    static Coroutine<Integer> depth(int n) {
        if (n == 0) {
            return Weft.done(Weft.await(Later.value(0)));
        }
        return Weft.done(1 + Weft.await(depth(n - 1)));
    }

    @Async
    static Coroutine<Integer> delegate(int n) {
        return depth(n);
    }

    @Test
    void nestedCoroutines_resumeThroughEveryLevel() {
        assertEquals(50, Weft.run(depth(50)));
        assertEquals(7, Weft.run(delegate(7)));
    }

    @Async
    static Coroutine<String> returnsNullOrTernary(int n) {
        if (n == 0) {
            return null;
        }
        return n > 0 ? Weft.done("pos") : Weft.done("neg");
    }

    @Test
    void returns_ofNullAndDoneInTernary_complete() {
        assertNull(Weft.run(returnsNullOrTernary(0)));
        assertEquals("pos", Weft.run(returnsNullOrTernary(1)));
        assertEquals("neg", Weft.run(returnsNullOrTernary(-1)));
    }

    @Async
    static Coroutine<Void> voidCoroutine(List<String> out) {
        out.add(Weft.await(Later.value("a")));
        return Weft.done();
    }

    @Test
    void voidCoroutine_completesWithNull() {
        List<String> out = new ArrayList<>();
        assertNull(Weft.run(voidCoroutine(out)));
        assertEquals(List.of("a"), out);
    }

    @Async
    static Coroutine<Integer> noSuspension(int x) {
        return Weft.done(x * 2);
    }

    @Async
    static Coroutine<Integer> awaitsFastPath() {
        int total = 0;
        for (int i = 0; i < 1000; i++) {
            total += Weft.await(noSuspension(i));
        }
        return Weft.done(total);
    }

    @Test
    void await_coroutineThatNeverSuspends_continuesInline() {
        assertEquals(999_000, Weft.run(awaitsFastPath()));
    }
}
