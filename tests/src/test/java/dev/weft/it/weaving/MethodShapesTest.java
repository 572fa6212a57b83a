package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every method shape the weaver accepts: private, generic, varargs, overloaded, interface
 * default and static, instance with fields; lambdas and anonymous classes inside a body; frame
 * merges of different types at a resume point.
 */
class MethodShapesTest {

    interface Greeter {
        String name();

        @Async
        default Coroutine<String> greet(String greeting) {
            return Weft.done(greeting + ", " + Weft.await(Later.value(name())));
        }

        @Async
        static Coroutine<String> shout(Greeter g) {
            return Weft.done(Weft.await(g.greet("HEY")).toUpperCase());
        }
    }

    @Async
    private static <T extends Comparable<T>> Coroutine<T> max(T a, T b) {
        T x = Weft.await(Later.value(a));
        return Weft.done(x.compareTo(b) >= 0 ? x : b);
    }

    @Async
    static Coroutine<Integer> sum(int... values) {
        int s = 0;
        for (int v : values) {
            s += Weft.await(Later.value(v));
        }
        return Weft.done(s);
    }

    @Async
    static Coroutine<String> overloaded(int x) {
        return Weft.done("int " + Weft.await(Later.value(x)));
    }

    @Async
    static Coroutine<String> overloaded(String x) {
        return Weft.done("string " + Weft.await(Later.value(x)));
    }

    @Async
    static Coroutine<String> lambdasInside(List<String> words) {
        Function<String, String> upper = String::toUpperCase;
        String prefix = Weft.await(Later.value(">"));
        Supplier<String> anon = new Supplier<>() {
            @Override
            public String get() {
                return prefix + "anon";
            }
        };
        List<String> out = new ArrayList<>();
        words.forEach(w -> out.add(prefix + upper.apply(w)));
        out.add(Weft.await(Later.value(anon.get())));
        return Weft.done(String.join(",", out));
    }

    @Async
    static Coroutine<String> merges(boolean flag) {
        Number n; // an if, not a ternary: a ternary would promote both operands to float
        if (flag) {
            n = Integer.valueOf(1);
        } else {
            n = Float.valueOf(2.5f);
        }
        CharSequence cs = flag ? new StringBuilder("sb") : "str";
        Exception caught;
        try {
            if (flag) {
                throw new IllegalStateException("ise");
            }
            throw new java.io.UncheckedIOException(new java.io.IOException("io"));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            caught = e;
        }
        Weft.await(Later.value(0)); // all three merged values live across the suspension
        return Weft.done(n + " " + cs.length() + " " + caught.getClass().getSimpleName());
    }

    @Async
    static Coroutine<Long> recurse(int n) {
        if (n <= 1) {
            return Weft.done((long) Weft.await(Later.value(1)));
        }
        return Weft.done(n * Weft.await(recurse(n - 1)));
    }

    @Test
    void interfaceDefaultAndStaticMethods_areWoven() {
        Greeter g = () -> "weft";
        assertEquals("hello, weft", Weft.run(g.greet("hello")));
        assertEquals("HEY, WEFT", Weft.run(Greeter.shout(g)));
    }

    @Test
    void privateGenericVarargsAndOverloadedMethods_areWoven() {
        assertEquals("pear", Weft.run(max("apple", "pear")));
        assertEquals(10, Weft.run(sum(1, 2, 3, 4)));
        assertEquals("int 7", Weft.run(overloaded(7)));
        assertEquals("string s", Weft.run(overloaded("s")));
    }

    @Test
    void lambdasAndAnonymousClassesInsideABody_runAsWritten() {
        assertEquals(">A,>B,>anon", Weft.run(lambdasInside(List.of("a", "b"))));
    }

    @Test
    void frameMerges_ofIntegerFloatAndCatchTypes_surviveSuspension() {
        assertEquals("1 2 IllegalStateException", Weft.run(merges(true)));
        assertEquals("2.5 3 UncheckedIOException", Weft.run(merges(false)));
    }

    @Test
    void recursion_twentyDeep_computesFactorial() {
        assertEquals(2432902008176640000L, Weft.run(recurse(20)));
    }
}
