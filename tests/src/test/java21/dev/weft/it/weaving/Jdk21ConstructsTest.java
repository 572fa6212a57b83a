package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import org.junit.jupiter.api.Test;

/**
 * Java 21 constructs around awaits, compiled for the running JDK (21+) by the {@code jdk21}
 * profile of this module: pattern-matching switch with guards, record patterns, and
 * {@code @Async} methods on records.
 */
class Jdk21ConstructsTest {
    sealed interface Shape permits Circle, Square, Rect { }

    record Circle(double r) implements Shape { }

    record Square(double side) implements Shape { }

    record Rect(double w, double h) implements Shape {
        @Async
        Coroutine<Double> area() {
            return Weft.done(w * Weft.await(Later.value(h)));
        }
    }

    @Async
    static Coroutine<String> describe(Object o) {
        String s = switch (o) {
            case Integer i when i > Weft.await(Later.value(10)) -> "big " + i;
            case Integer i -> "small " + Weft.await(Later.value(i));
            case Rect(double w, double h) when w == h -> "square rect " + Weft.await(((Rect) o).area());
            case Rect r -> "rect " + Weft.await(r.area());
            case String str -> "string " + Weft.await(Later.value(str.length()));
            default -> "other";
        };
        return Weft.done(s);
    }

    @Async
    static Coroutine<Double> area(Shape shape) {
        double scale = Weft.await(Later.value(1.0));
        return Weft.done(scale * switch (shape) {
            case Circle(double r) -> Math.PI * r * r;
            case Square(double side) -> side * Weft.await(Later.value(side));
            case Rect rect -> Weft.await(rect.area());
        });
    }

    @Test
    void patternSwitchWithGuardsAndRecordPatterns_withAwaitsInGuardsAndArms() {
        assertEquals("big 42", Weft.run(describe(42)));
        assertEquals("small 3", Weft.run(describe(3)));
        assertEquals("square rect 4.0", Weft.run(describe(new Rect(2, 2))));
        assertEquals("rect 6.0", Weft.run(describe(new Rect(2, 3))));
        assertEquals("string 5", Weft.run(describe("hello")));
        assertEquals("other", Weft.run(describe(1.5)));
    }

    @Test
    void sealedHierarchySwitch_andAsyncMethodOnARecord() {
        assertEquals(9.0, Weft.run(area(new Square(3))));
        assertEquals(12.0, Weft.run(area(new Rect(3, 4))));
        assertEquals(Math.PI, Weft.run(area(new Circle(1))), 1e-12);
    }
}
