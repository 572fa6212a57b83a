package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A class with code the weaver must refuse (an await inside a lambda) keeps its other
 * {@code @Async} methods woven; the refused lambda fails where it awaits with the weave-time
 * reason and site.
 */
class NotWovenTest {

    /** The lambda below awaits, which cannot suspend; {@link #fine} is woven all the same. */
    static final class Refused {
        @Async
        static Coroutine<String> fine() {
            return Weft.done("woven although the class holds refused code");
        }

        static Supplier<String> awaitInLambda(Coroutine<String> c) {
            return () -> Weft.await(c);
        }
    }

    @Test
    void asyncMethodOfAClassWithARefusedLambda_isWoven() {
        assertEquals("woven although the class holds refused code", Weft.run(Refused.fine()));
    }

    @Test
    void refusedLambda_throwsTheWeaveTimeReasonAndSite() {
        Supplier<String> lambda = Refused.awaitInLambda(Refused.fine());
        IllegalStateException e = assertThrows(IllegalStateException.class, lambda::get);
        String m = e.getMessage();
        assertTrue(m.contains("NotWovenTest$Refused.lambda$awaitInLambda$0(NotWovenTest.java:"), m);
        assertTrue(m.contains("was not woven by weft: Weft.await is used in a lambda"), m);
    }
}
