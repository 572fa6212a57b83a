package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A class the weaver must refuse (an await inside a lambda) is left unchanged; its
 * {@code @Async} methods then fail on use with a message naming the method and how to weave.
 */
class NotWovenTest {

    /** Refused as a whole: the lambda below awaits, which cannot suspend. */
    static final class Refused {
        @Async
        static Coroutine<String> fine() {
            return Weft.done("would be fine if the class were woven");
        }

        static Supplier<String> awaitInLambda(Coroutine<String> c) {
            return () -> Weft.await(c);
        }
    }

    @Test
    void asyncMethodOfRefusedClass_failsWithMessageNamingMethodAndAgent() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Refused::fine);
        String m = e.getMessage();
        assertTrue(m.contains("NotWovenTest$Refused.fine(NotWovenTest.java:"), m);
        assertTrue(m.contains("-javaagent"), m);
    }
}
