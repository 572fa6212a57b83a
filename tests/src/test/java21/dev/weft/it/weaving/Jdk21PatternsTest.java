package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import org.junit.jupiter.api.Test;

/**
 * More Java 21 constructs around awaits (compiled with release 21 by the {@code jdk21-constructs}
 * profile): nested and generic record patterns, {@code case null}, qualified enum constants in a
 * pattern switch, record patterns in {@code instanceof}, and static and instance {@code @Async}
 * methods of a generic record.
 */
class Jdk21PatternsTest {
    enum Suit { HEARTS, SPADES }

    sealed interface Card permits Numbered, Face { }

    record Numbered(Suit suit, int rank) implements Card { }

    record Face(Suit suit, String name) implements Card { }

    record Pair<A, B>(A first, B second) {
        @Async
        static <T> Coroutine<Pair<T, T>> twice(T value) {
            T v = Weft.await(Later.value(value));
            return Weft.done(new Pair<>(v, Weft.await(Later.value(value))));
        }

        @Async
        Coroutine<String> show() {
            return Weft.done(Weft.await(Later.value(first)) + "&" + second);
        }
    }

    @Async
    static Coroutine<String> nestedRecordPatterns(Object o) {
        String s = switch (o) {
            case null -> "null " + Weft.await(Later.value("!"));
            case Pair(Pair(var a, var b), Integer c) when c > Weft.await(Later.value(0)) ->
                    "nested " + a + b + Weft.await(Later.value(c));
            case Pair(String a, var b) -> "strings " + a + Weft.await(Later.value(String.valueOf(b)));
            case Pair<?, ?> p -> "pair " + Weft.await(p.show());
            default -> "other";
        };
        return Weft.done(s);
    }

    @Async
    static Coroutine<String> qualifiedEnumConstants(Card card) {
        int bonus = Weft.await(Later.value(100));
        String s = switch (card) {
            case Numbered(var suit, var rank) when suit == Suit.HEARTS -> "h" + (rank + bonus);
            case Numbered n -> "n" + Weft.await(Later.value(n.rank()));
            case Face(Suit s1, String name) when s1 == Suit.SPADES -> name.toUpperCase() + Weft.await(Later.value(bonus));
            case Face f -> f.name();
        };
        Suit suit = card instanceof Numbered(var su, var r) ? su : ((Face) card).suit();
        String t = switch (suit) {
            case HEARTS -> Weft.await(Later.value("♥"));
            case SPADES -> "♠";
        };
        return Weft.done(s + t);
    }

    @Async
    static Coroutine<String> instanceofRecordPattern(Object o) {
        if (o instanceof Pair(Integer a, Integer b) && a + b > Weft.await(Later.value(10))) {
            return Weft.done("big " + (a + Weft.await(Later.value(b))));
        }
        return Weft.done(o instanceof Pair(var a, var b) ? "pair " + a + Weft.await(Later.value(b)) : "no");
    }

    @Test
    void nestedRecordPatternsAndCaseNull_withAwaitsInGuardsAndArms() {
        assertEquals("null !", Weft.run(nestedRecordPatterns(null)));
        assertEquals("nested xy3", Weft.run(nestedRecordPatterns(new Pair<>(new Pair<>("x", "y"), 3))));
        assertEquals("strings a1", Weft.run(nestedRecordPatterns(new Pair<>("a", 1))));
        assertEquals("pair 2&b", Weft.run(nestedRecordPatterns(new Pair<>(2, "b"))));
        assertEquals("other", Weft.run(nestedRecordPatterns(5)));
    }

    @Test
    void sealedSwitchWithGuardsAndEnumSwitch_afterAwaits() {
        assertEquals("h107♥", Weft.run(qualifiedEnumConstants(new Numbered(Suit.HEARTS, 7))));
        assertEquals("n7♠", Weft.run(qualifiedEnumConstants(new Numbered(Suit.SPADES, 7))));
        assertEquals("KING100♠", Weft.run(qualifiedEnumConstants(new Face(Suit.SPADES, "king"))));
        assertEquals("queen♥", Weft.run(qualifiedEnumConstants(new Face(Suit.HEARTS, "queen"))));
    }

    @Test
    void instanceofRecordPatterns_withAwaitsInConditionsAndBodies() {
        assertEquals("big 12", Weft.run(instanceofRecordPattern(new Pair<>(5, 7))));
        assertEquals("pair 12", Weft.run(instanceofRecordPattern(new Pair<>(1, 2))));
        assertEquals("no", Weft.run(instanceofRecordPattern("x")));
    }

    @Test
    void genericRecord_staticAndInstanceAsyncMethods() {
        assertEquals(new Pair<>("a", "a"), Weft.run(Pair.twice("a")));
        assertEquals("1&2", Weft.run(new Pair<>(1, 2).show()));
    }
}
