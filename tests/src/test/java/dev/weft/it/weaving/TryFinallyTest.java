package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * try/catch/finally beyond {@link ExceptionsTest}: a value returned from a try block while its
 * finally block awaits, an exception propagating through a finally block that awaits, resources
 * whose later initialiser fails after an await, suppressed close failures, checked exceptions
 * from awaited coroutines, and catch blocks inside loops.
 */
class TryFinallyTest {

    /** A resource that logs its life and may fail when closed. */
    static final class Res implements AutoCloseable {
        private final String name;
        private final List<String> log;
        private final boolean failOnClose;

        Res(String name, List<String> log, boolean failOnClose) {
            this.name = name;
            this.log = log;
            this.failOnClose = failOnClose;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
            if (failOnClose) {
                throw new IllegalStateException("close " + name);
            }
        }
    }

    @Async
    static Coroutine<String> returnFromTryWhileFinallyAwaits(List<String> log) {
        String value = "v";
        try {
            return Weft.done(value + Weft.await(Later.value("1")));
        } finally {
            value = "changed";
            log.add("finally " + Weft.await(Later.value("f")) + " " + value);
        }
    }

    @Async
    static Coroutine<Void> exceptionThroughAwaitingFinally(List<String> log) {
        try {
            log.add("try");
            Weft.await(Later.failure(new IllegalArgumentException("thrown")));
            log.add("never");
        } finally {
            log.add("finally " + Weft.await(Later.value("awaited")));
        }
        return Weft.done();
    }

    @Async
    @SuppressWarnings("try") // resources only opened and closed: the shape under test
    static Coroutine<List<String>> laterResourceFails(boolean failClose) {
        List<String> log = new ArrayList<>();
        try (Res a = new Res("a", log, failClose);
             Res b = new Res(Weft.await(Later.<String>failure(new IllegalArgumentException("b init"))), log, false)) {
            log.add("body " + b);
        } catch (IllegalArgumentException e) {
            log.add("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length);
        }
        return Weft.done(log);
    }

    @Async
    static Coroutine<String> checkedThrower(boolean fail) throws IOException {
        Weft.await(Later.value(0));
        if (fail) {
            throw new IOException("checked");
        }
        return Weft.done("fine");
    }

    @Async
    static Coroutine<String> catchesCheckedFromAwaitedCoroutine() throws IOException {
        String r;
        try {
            r = Weft.await(checkedThrower(true));
        } catch (Exception e) {
            r = e instanceof IOException ? "io:" + e.getMessage() : "other";
        }
        return Weft.done(r + "/" + Weft.await(checkedThrower(false)));
    }

    @Async
    static Coroutine<String> catchInLoopWithContinueAndBreak() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            try {
                if (i % 3 == 1) {
                    Weft.await(Later.failure(new IllegalStateException(String.valueOf(i))));
                }
                if (i == 5) {
                    break;
                }
                b.append(Weft.await(Later.value(i)));
            } catch (IllegalStateException e) {
                b.append('[').append(e.getMessage()).append(']');
                continue;
            } finally {
                b.append(Weft.await(Later.value(".")));
            }
            b.append(',');
        }
        return Weft.done(b.toString());
    }

    @Async
    static Coroutine<String> exceptionFromFinallyReplacesTheOriginal() {
        try {
            try {
                Weft.await(Later.failure(new IllegalArgumentException("original")));
            } finally {
                Weft.await(Later.failure(new IllegalStateException("from finally")));
            }
        } catch (RuntimeException e) {
            return Weft.done(e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return Weft.done("unreachable");
    }

    @Test
    void returnInTry_withAwaitInFinally_returnsTheValueComputedBeforeFinally() {
        List<String> log = new ArrayList<>();
        assertEquals("v1", Weft.run(returnFromTryWhileFinallyAwaits(log)));
        assertEquals(List.of("finally f changed"), log);
    }

    @Test
    void exceptionPropagatingThroughAFinallyThatAwaits_isRethrownUnchanged() {
        List<String> log = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Weft.run(exceptionThroughAwaitingFinally(log)));
        assertEquals("thrown", e.getMessage());
        assertEquals(List.of("try", "finally awaited"), log);
    }

    @Test
    void tryWithResources_laterInitialiserFailsAfterAwait_closesTheEarlierOne() {
        assertEquals(List.of("open a", "close a", "caught b init suppressed 0"), Weft.run(laterResourceFails(false)));
        List<String> log = Weft.run(laterResourceFails(true));
        assertEquals(List.of("open a", "close a", "caught b init suppressed 1"), log);
    }

    @Test
    void checkedExceptionFromAwaitedCoroutine_isCaughtUnwrapped() throws IOException {
        assertEquals("io:checked/fine", Weft.run(catchesCheckedFromAwaitedCoroutine()));
    }

    @Test
    void catchAndFinallyInsideALoop_withContinueAndBreak() {
        assertEquals("0.,[1].2.,3.,[4]..", Weft.run(catchInLoopWithContinueAndBreak()));
    }

    @Test
    void failingAwaitInFinally_replacesThePendingException() {
        assertEquals("IllegalStateException from finally", Weft.run(exceptionFromFinallyReplacesTheOriginal()));
    }

    @Test
    void checkedExceptionEscapingRun_isTheOriginal() {
        Exception e = assertThrows(Exception.class, () -> Weft.run(checkedThrower(true)));
        assertTrue(e instanceof IOException, e.toString());
        assertSame(IOException.class, e.getClass());
    }
}
