package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import org.junit.jupiter.api.Test;

/**
 * Operand-stack entries of every primitive type, {@code null} and receivers that sit below an
 * awaited argument, in static and instance calls, with the await first, in the middle and last.
 */
class StackEntriesTest {
    /** A receiver for instance calls, named so the output shows which object was called. */
    static final class Receiver {
        private final String name;

        Receiver(String name) {
            this.name = name;
        }

        String fourOn(int a, double b, String c, char d) {
            return name + ":" + four(a, b, c, d);
        }

        @Async
        Coroutine<String> instanceCallAwaitInTheMiddle(Receiver other) {
            String mine = fourOn(1, 2.0, Weft.await(Later.value("s")), 'c');
            String theirs = other.fourOn(Weft.await(Later.value(3)), 4.5, "x", Weft.await(Later.value('y')));
            return Weft.done(mine + " " + theirs);
        }
    }

    static String four(int a, double b, String c, char d) {
        return a + "/" + b + "/" + c + "/" + d;
    }

    static String all(boolean z, byte b, char c, short s, int i, long j, float f, double d, Object n, String last) {
        return z + "," + b + "," + c + "," + s + "," + i + "," + j + "," + f + "," + d + "," + n + "," + last;
    }

    @Async
    static Coroutine<String> staticCallAwaitInTheMiddle() {
        return Weft.done(four(1, 2.0, Weft.await(Later.value("s")), 'c'));
    }

    @Async
    static Coroutine<String> everyPrimitiveAndNullBelowTheAwait() {
        return Weft.done(all(true, (byte) -3, 'q', (short) -30000, Integer.MIN_VALUE, Long.MAX_VALUE,
                -0.0f, Double.NaN, null, Weft.await(Later.value("last"))));
    }

    @Async
    static Coroutine<String> awaitsAtEveryPosition() {
        return Weft.done(all(Weft.await(Later.value(false)), (byte) 1, Weft.await(Later.value('z')), (short) 2,
                Weft.await(Later.value(3)), Weft.await(Later.value(4L)), 5f, Weft.await(Later.value(6.25)),
                Weft.await(Later.<Object>value(null)), "end"));
    }

    @Async
    static Coroutine<String> wideArithmeticOnTheStack(long base, double scale) {
        long x = base + Weft.await(Later.value(7L)) * 2L;
        double y = scale * (1.0 + Weft.await(Later.value(0.5)));
        float f = 1.5f + Weft.await(Later.value(2.25f));
        int i = (short) 3 * Weft.await(Later.value(5)) - (byte) 1;
        return Weft.done(x + " " + y + " " + f + " " + i);
    }

    @Async
    static Coroutine<String> nullsOnTheStackAndInLocals() {
        String none = null;
        Object[] holder = new Object[] {null, Weft.await(Later.value("v")), none};
        String joined = String.valueOf((Object) null) + Weft.await(Later.<String>value(null)) + none;
        return Weft.done(holder[0] + "," + holder[1] + "," + holder[2] + "," + joined);
    }

    @Test
    void staticCall_primitivesBelowAwaitedArgument_arePassedUnchanged() {
        assertEquals("1/2.0/s/c", Weft.run(staticCallAwaitInTheMiddle()));
    }

    @Test
    void instanceCall_receiverAndPrimitivesBelowAwaitedArguments_arePassedUnchanged() {
        assertEquals("t:1/2.0/s/c o:3/4.5/x/y",
                Weft.run(new Receiver("t").instanceCallAwaitInTheMiddle(new Receiver("o"))));
    }

    @Test
    void everyPrimitiveTypeAndNull_belowTheAwait_keepTheirExactValues() {
        assertEquals("true,-3,q,-30000,-2147483648,9223372036854775807,-0.0,NaN,null,last",
                Weft.run(everyPrimitiveAndNullBelowTheAwait()));
    }

    @Test
    void awaitsAtEveryArgumentPosition_fillTheRightParameters() {
        assertEquals("false,1,z,2,3,4,5.0,6.25,null,end", Weft.run(awaitsAtEveryPosition()));
    }

    @Test
    void wideAndNarrowArithmetic_aroundAwaits_computesAsUnwoven() {
        assertEquals("19 3.0 3.75 14", Weft.run(wideArithmeticOnTheStack(5L, 2.0)));
    }

    @Test
    void nulls_inArrayInitialisersConcatenationAndLocals_surviveSuspension() {
        assertEquals("null,v,null,nullnullnull", Weft.run(nullsOnTheStackAndInLocals()));
    }
}
