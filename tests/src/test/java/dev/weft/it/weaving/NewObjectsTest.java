package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Objects under construction across an await: nested {@code new}, wide constructor arguments,
 * inner and anonymous classes, constructions inside call arguments, ternaries, loops and try
 * blocks, and array creation with awaited sizes and elements.
 */
class NewObjectsTest {
    record Box(Object value) {
    }

    record Wide(long a, double b, Object c, int d) {
    }

    /** A base with a constructor argument, for anonymous subclasses. */
    abstract static class Named {
        final String name;

        Named(String name) {
            this.name = name;
        }

        abstract String describe();
    }

    final class Inner {
        final String text;

        Inner(String text) {
            this.text = prefix + text;
        }
    }

    private final String prefix = "in:";

    @Async
    static Coroutine<Box> nestedUninitialisedObjects() {
        return Weft.done(new Box(new Box(new Box(Weft.await(Later.value("deep"))))));
    }

    @Async
    static Coroutine<Wide> wideArguments(long a) {
        return Weft.done(new Wide(a * Weft.await(Later.value(2L)), Weft.await(Later.value(1.5)),
                new Box(Weft.await(Later.value("c"))), Weft.await(Later.value(4))));
    }

    @Async
    Coroutine<String> innerAndAnonymousClasses() {
        Inner inner = new Inner(Weft.await(Later.value("x")));
        Named anon = new Named(Weft.await(Later.value("anon"))) {
            @Override
            String describe() {
                return name + "+" + inner.text;
            }
        };
        return Weft.done(anon.describe());
    }

    static String show(String tag, Object a, Object b) {
        return tag + "(" + a + "," + b + ")";
    }

    @Async
    static Coroutine<String> constructionsInCallArgumentsAndTernaries(boolean flag) {
        String s = show("t", new Box(Weft.await(Later.value(1))), flag
                ? new Box(Weft.await(Later.value("yes")))
                : new Wide(1L, 2.0, null, Weft.await(Later.value(3))));
        return Weft.done(s);
    }

    @Async
    static Coroutine<List<Box>> constructionsInALoop(int n) {
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Box(new Wide(i, Weft.await(Later.value((double) i)), "w", i)));
        }
        return Weft.done(out);
    }

    @Async
    static Coroutine<String> failingArgumentInsideTry() {
        List<String> log = new ArrayList<>();
        try {
            log.add(new Box(Weft.await(Later.<String>failure(new IllegalStateException("no")))).toString());
        } catch (IllegalStateException e) {
            log.add("caught " + e.getMessage());
        }
        log.add(new Box(Weft.await(Later.value("after"))).toString());
        return Weft.done(String.join(";", log));
    }

    @Async
    static Coroutine<String> arrays() {
        int[] sized = new int[Weft.await(Later.value(3))];
        long[][] grid = new long[Weft.await(Later.value(2))][Weft.await(Later.value(2))];
        grid[1][1] = Weft.await(Later.value(9L));
        String[] init = {"a", Weft.await(Later.value("b")), null, "d"};
        Object[][] nested = {{Weft.await(Later.value(1))}, {new Box(Weft.await(Later.value(2)))}};
        return Weft.done(sized.length + " " + grid[1][1] + " " + String.join("", init[0], init[1], init[3])
                + " " + init[2] + " " + nested[0][0] + nested[1][0]);
    }

    @Async
    static Coroutine<String> supplierFromAnonymousClassWithAwaitedField() {
        String v = Weft.await(Later.value("val"));
        Supplier<String> s = new Supplier<>() {
            private final String copy = v + "!";

            @Override
            public String get() {
                return copy;
            }
        };
        return Weft.done(s.get() + Weft.await(Later.value("?")));
    }

    @Test
    void nestedNew_withAwaitInTheInnermostArgument_buildsTheSameObject() {
        assertEquals(new Box(new Box(new Box("deep"))), Weft.run(nestedUninitialisedObjects()));
    }

    @Test
    void new_withWideAndReferenceAwaitedArguments_buildsTheSameObject() {
        assertEquals(new Wide(10L, 1.5, new Box("c"), 4), Weft.run(wideArguments(5L)));
    }

    @Test
    void innerAndAnonymousClassConstructors_withAwaitedArguments_captureOuterInstance() {
        assertEquals("anon+in:x", Weft.run(new NewObjectsTest().innerAndAnonymousClasses()));
    }

    @Test
    void constructions_insideCallArgumentsAndTernaries_buildTheSameObjects() {
        assertEquals("t(Box[value=1],Box[value=yes])", Weft.run(constructionsInCallArgumentsAndTernaries(true)));
        assertEquals("t(Box[value=1],Wide[a=1, b=2.0, c=null, d=3])",
                Weft.run(constructionsInCallArgumentsAndTernaries(false)));
    }

    @Test
    void constructions_inALoop_buildOneObjectPerIteration() {
        assertEquals(List.of(new Box(new Wide(0, 0.0, "w", 0)), new Box(new Wide(1, 1.0, "w", 1))),
                Weft.run(constructionsInALoop(2)));
    }

    @Test
    void failingAwaitedConstructorArgument_isCaughtAndNoObjectEscapes() {
        assertEquals("caught no;Box[value=after]", Weft.run(failingArgumentInsideTry()));
    }

    @Test
    void arrays_withAwaitedSizesAndElements_holdTheSameValues() {
        assertEquals("3 9 abd null 1Box[value=2]", Weft.run(arrays()));
    }

    @Test
    void anonymousClass_initialisedFromAwaitedLocal_seesTheValue() {
        assertEquals("val!?", Weft.run(supplierFromAnonymousClassWithAwaitedField()));
    }

    @Test
    void uncaughtFailureInConstructorArgument_reachesTheCallerUnchanged() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(failingNew()));
        assertEquals("bad arg", e.getMessage());
    }

    @Async
    static Coroutine<Box> failingNew() {
        return Weft.done(new Box(new Box(Weft.await(Later.<String>failure(new IllegalStateException("bad arg"))))));
    }
}
