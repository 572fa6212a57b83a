package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Awaits in try-with-resources, nested tries, multi-catch, and rethrows after a resume. */
class ExceptionsTest {

    /** A resource that logs its life. */
    static final class Res implements AutoCloseable {
        private final String name;
        private final List<String> log;

        Res(String name, List<String> log) {
            this.name = name;
            this.log = log;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    @Async
    @SuppressWarnings("try") // resources only opened and closed: the shape under test
    static Coroutine<List<String>> tryWithResources(boolean fail) {
        List<String> log = new ArrayList<>();
        try (Res a = new Res(Weft.await(Later.value("a")), log); Res b = new Res("b", log)) {
            log.add("body " + Weft.await(Later.value("x")));
            if (fail) {
                Weft.await(Later.failure(new IllegalStateException("inside")));
            }
        } catch (IllegalStateException e) {
            log.add("caught " + e.getMessage());
        }
        return Weft.done(log);
    }

    @Test
    void tryWithResources_awaitInResourceAndBody_closesInReverseOrder() {
        assertEquals(List.of("open a", "open b", "body x", "close b", "close a"), Weft.run(tryWithResources(false)));
        assertEquals(List.of("open a", "open b", "body x", "close b", "close a", "caught inside"),
                Weft.run(tryWithResources(true)));
    }

    @Async
    static Coroutine<String> nested(int mode) {
        StringBuilder b = new StringBuilder();
        try {
            try {
                b.append(Weft.await(Later.value("1")));
                if (mode == 1) {
                    Weft.await(Later.failure(new IllegalArgumentException("iae")));
                } else if (mode == 2) {
                    Weft.await(Later.failure(new UnsupportedOperationException("uoe")));
                }
                b.append("2");
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                b.append("[inner ").append(e.getMessage()).append(Weft.await(Later.value("!"))).append("]");
                if (mode == 2) {
                    throw new IllegalStateException("rethrown " + e.getMessage());
                }
            } finally {
                b.append(Weft.await(Later.value("f1")));
            }
        } catch (IllegalStateException e) {
            b.append("[outer ").append(e.getMessage()).append("]");
        } finally {
            b.append(Weft.await(Later.value("f2")));
        }
        return Weft.done(b.toString());
    }

    @Test
    void nestedTries_multiCatchAndRethrow_withAwaitsInEveryBlock() {
        assertEquals("12f1f2", Weft.run(nested(0)));
        assertEquals("1[inner iae!]f1f2", Weft.run(nested(1)));
        assertEquals("1[inner uoe!]f1[outer rethrown uoe]f2", Weft.run(nested(2)));
    }

    @Async
    static Coroutine<Void> rethrowAfterResume(RuntimeException error) {
        try {
            Weft.await(Later.failure(error));
        } catch (RuntimeException e) {
            Weft.await(Weft.sleep(1));
            throw e;
        }
        return Weft.done();
    }

    @Test
    void rethrowAfterResume_theSameExceptionReachesTheCaller() {
        IllegalStateException error = new IllegalStateException("same");
        assertSame(error, assertThrows(IllegalStateException.class, () -> Weft.run(rethrowAfterResume(error))));
    }

    @Async
    static Coroutine<String> awaitsThenThrows() {
        Weft.await(Later.value("x"));
        throw new IllegalStateException("after the await");
    }

    @Test
    void bodyThatOnlyThrowsAfterAnAwait_isWovenAndThrowsAtTheAwaiter() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(awaitsThenThrows()));
        assertEquals("after the await", e.getMessage());
    }
}
