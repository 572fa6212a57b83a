package dev.weft.it.generators;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import org.junit.jupiter.api.Test;

/**
 * {@code Weft.yield} in a coroutine (and {@code Weft.await} in a generator) is a weave-time
 * error: the method is left unwoven, and calling it throws the weave-time reason naming it.
 */
class KindMisuseTest {

    static final class YieldInCoroutine {
        @Async
        static Coroutine<Void> wrong() {
            Weft.yield(1);
            return Weft.done();
        }
    }

    static final class AwaitInGenerator {
        @Async
        static Generator<Integer, Void> wrong(Coroutine<Integer> c) {
            Weft.yield(Weft.await(c));
            return null;
        }
    }

    @Test
    void yieldInCoroutine_failsOnUseWithTheWeaveTimeReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class, YieldInCoroutine::wrong);
        assertTrue(e.getMessage().contains("KindMisuseTest$YieldInCoroutine.wrong(KindMisuseTest.java:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Weft.yield cannot be used in a method returning Coroutine<T>"),
                e.getMessage());
    }

    @Test
    void awaitInGenerator_failsOnUseWithTheWeaveTimeReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AwaitInGenerator.wrong(null));
        assertTrue(e.getMessage().startsWith("dev.weft.it.generators.KindMisuseTest$AwaitInGenerator.wrong("
                + "KindMisuseTest.java:"), e.getMessage());
        assertTrue(e.getMessage().contains("was not woven by weft: Weft.await cannot be used in a method returning "
                + "Generator<Y, S>"), e.getMessage());
    }
}
