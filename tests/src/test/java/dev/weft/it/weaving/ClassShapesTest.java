package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Method shapes beyond {@link MethodShapesTest}: overrides that await {@code super}'s
 * {@code @Async} method, generic classes, inner classes reading outer fields, enums, wide
 * parameters, private instance methods, mutual recursion, method references to {@code @Async}
 * methods, and lambdas and local classes that capture values live across awaits.
 */
class ClassShapesTest {

    /** A base class whose {@code @Async} method a subclass overrides and calls. */
    static class Base {
        @Async
        Coroutine<String> name() {
            return Weft.done("base" + Weft.await(Later.value("!")));
        }
    }

    static final class Derived extends Base {
        @Async
        @Override
        Coroutine<String> name() {
            return Weft.done("derived+" + Weft.await(super.name()));
        }
    }

    /** A generic holder with {@code @Async} methods over its type parameter. */
    static final class Holder<T> {
        private final T value;

        Holder(T value) {
            this.value = value;
        }

        @Async
        <R> Coroutine<R> map(Function<? super T, ? extends R> f) {
            T v = Weft.await(Later.value(value));
            return Weft.done(f.apply(v));
        }
    }

    enum Planet {
        EARTH(1.0), MARS(0.38);

        private final double gravity;

        Planet(double gravity) {
            this.gravity = gravity;
        }

        @Async
        Coroutine<Double> weigh(double mass) {
            return Weft.done(mass * Weft.await(Later.value(gravity)));
        }
    }

    private int calls;

    final class Inner {
        @Async
        Coroutine<Integer> bump(int by) {
            calls += Weft.await(Later.value(by));
            return Weft.done(calls);
        }
    }

    @Async
    private Coroutine<String> privateInstance(long a, double b, int c, long d) {
        long x = a + Weft.await(Later.value(1L));
        double y = b * Weft.await(Later.value(2.0));
        return Weft.done(x + " " + y + " " + c + " " + (d - Weft.await(Later.value(d))));
    }

    @Async
    static Coroutine<Boolean> isEven(int n) {
        return n == 0 ? Weft.done(true) : isOdd(Weft.await(Later.value(n - 1)));
    }

    @Async
    static Coroutine<Boolean> isOdd(int n) {
        return n == 0 ? Weft.done(false) : isEven(Weft.await(Later.value(n - 1)));
    }

    @Async
    static Coroutine<Integer> square(int x) {
        return Weft.done(x * Weft.await(Later.value(x)));
    }

    @Async
    static Coroutine<String> methodReferencesAndCapturingLambdas(int n) {
        IntFunction<Coroutine<Integer>> sq = ClassShapesTest::square;
        int base = Weft.await(Later.value(100));
        Function<Integer, String> fmt = v -> base + ":" + v; // captures a local that lives across awaits
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(fmt.apply(Weft.await(sq.apply(i))));
        }
        class Local {
            String wrap(String s) {
                return "<" + s + base + ">";
            }
        }
        Local local = new Local();
        return Weft.done(local.wrap(String.join(",", out) + Weft.await(Later.value("/"))));
    }

    @Test
    void override_awaitingSuperAsyncMethod_runsBoth() {
        assertEquals("derived+base!", Weft.run(new Derived().name()));
        Base asBase = new Derived();
        assertEquals("derived+base!", Weft.run(asBase.name()), "virtual dispatch reaches the override");
    }

    @Test
    void genericClass_asyncMethodWithItsOwnTypeParameter() {
        assertEquals(Integer.valueOf(5), Weft.run(new Holder<>("hello").map(String::length)));
    }

    @Test
    void enumConstants_haveWovenInstanceMethods() {
        assertEquals(10.0, Weft.run(Planet.EARTH.weigh(10)));
        assertEquals(3.8, Weft.run(Planet.MARS.weigh(10)), 1e-9);
    }

    @Test
    void innerClass_updatesOuterFieldAcrossAwaits() {
        ClassShapesTest outer = new ClassShapesTest();
        Inner inner = outer.new Inner();
        assertEquals(3, Weft.run(inner.bump(3)));
        assertEquals(7, Weft.run(inner.bump(4)));
        assertEquals(7, outer.calls);
    }

    @Test
    void privateInstanceMethod_withWideParameters() {
        assertEquals("6 3.0 7 0", Weft.run(new ClassShapesTest().privateInstance(5L, 1.5, 7, 1L << 50)));
    }

    @Test
    void mutualRecursion_throughTailDelegation() {
        assertEquals(true, Weft.run(isEven(10)));
        assertEquals(true, Weft.run(isOdd(7)));
        assertEquals(false, Weft.run(isEven(7)));
    }

    @Test
    void methodReferencesLambdasAndLocalClasses_insideABody() {
        assertEquals("<100:1,100:4,100:9/100>", Weft.run(methodReferencesAndCapturingLambdas(3)));
    }
}
