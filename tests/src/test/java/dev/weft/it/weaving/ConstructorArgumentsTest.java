package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code new X(await(a), await(b))}, nested constructions, and liveness: a dead value is not
 * kept alive by a suspended frame.
 */
class ConstructorArgumentsTest {

    record Pair(Object left, Object right) {
    }

    static final class Counted {
        static final List<String> LOG = new ArrayList<>();
        final String text;

        Counted(String a, int b, long c) {
            LOG.add("init " + a);
            this.text = a + b + c;
        }
    }

    @Async
    static Coroutine<Pair> twoAwaitsInArguments() {
        return Weft.done(new Pair(Weft.await(Later.value("a")), Weft.await(Later.value("b"))));
    }

    @Async
    static Coroutine<Pair> nested() {
        Pair p = new Pair(new Pair(Weft.await(Later.value(1)), "x"),
                new Counted(Weft.await(Later.value("c")), 2, Weft.await(Later.value(3L))).text);
        return Weft.done(p);
    }

    @Async
    static Coroutine<String> constructorSideEffectsInOrder() {
        Counted.LOG.clear();
        Counted.LOG.add("before");
        Counted c = new Counted(sideEffect("arg1"), 7, Weft.await(Later.value(9L)));
        Counted.LOG.add("after");
        return Weft.done(c.text);
    }

    static String sideEffect(String s) {
        Counted.LOG.add("eval " + s);
        return s;
    }

    @Test
    void newWithAwaitedArguments_buildsTheSameObjects() {
        assertEquals(new Pair("a", "b"), Weft.run(twoAwaitsInArguments()));
        assertEquals(new Pair(new Pair(1, "x"), "c23"), Weft.run(nested()));
    }

    @Test
    void newWithAwaitedArguments_evaluatesArgumentsInSourceOrder() {
        assertEquals("arg179", Weft.run(constructorSideEffectsInOrder()));
        assertEquals(List.of("before", "eval arg1", "init arg1", "after"), Counted.LOG);
    }

    @Async
    static Coroutine<String> dropsDeadValue(List<WeakReference<byte[]>> probe) {
        byte[] big = new byte[8 << 20];
        probe.add(new WeakReference<>(big));
        int length = big.length;
        // 'big' is dead from here on: the suspended frame must not keep it reachable.
        Weft.await(Weft.sleep(1));
        for (int i = 0; i < 5 && probe.get(0).get() != null; i++) {
            System.gc();
            Weft.await(Weft.sleep(1));
        }
        return Weft.done(probe.get(0).get() == null ? "collected " + length : "still reachable");
    }

    @Test
    void suspendedFrame_doesNotKeepDeadLocalsReachable() {
        List<WeakReference<byte[]>> probe = new ArrayList<>();
        assertEquals("collected " + (8 << 20), Weft.run(dropsDeadValue(probe)));
        assertNull(probe.get(0).get());
    }
}
