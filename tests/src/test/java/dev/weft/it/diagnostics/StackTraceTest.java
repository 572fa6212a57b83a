package dev.weft.it.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stack traces through woven code show the original method names and line numbers. */
class StackTraceTest {
    static final int THROW_LINE = 20; // the line of 'throw' in level3

    @Async
    static Coroutine<Void> level3() {
        throw new IllegalStateException("deep");
    }

    @Async
    static Coroutine<Void> level2() {
        Weft.await(level3());
        return Weft.done();
    }

    @Async
    static Coroutine<Void> level1() {
        Weft.await(level2());
        return Weft.done();
    }

    @Test
    void exceptionThreeLevelsDeep_showsOriginalMethodsAndLines() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(level1()));
        List<String> frames = Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(StackTraceTest.class.getName()))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .toList();
        assertEquals(List.of("level3:" + THROW_LINE, "level2:25", "level1:31"), frames.subList(0, 3),
                "stack trace " + frames);
    }

    @Async
    static Coroutine<Void> throwsAfterSuspension() {
        Weft.await(Weft.sleep(1));
        throw new IllegalArgumentException("after resume");
    }

    @Test
    void exceptionAfterResume_pointsAtTheOriginalLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Weft.run(throwsAfterSuspension()));
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals("throwsAfterSuspension", top.getMethodName());
        assertEquals(StackTraceTest.class.getName(), top.getClassName());
        assertTrue(top.getLineNumber() == 49, "line " + top.getLineNumber());
    }

    @Async
    static Coroutine<Void> deep3() {
        Weft.await(Weft.sleep(1));
        throw new IllegalStateException("after resume, deep");
    }

    @Async
    static Coroutine<Void> deep2() {
        Weft.await(deep3());
        return Weft.done();
    }

    @Async
    static Coroutine<Void> deep1() {
        Weft.await(deep2());
        return Weft.done();
    }

    @Test
    void exceptionThreeLevelsDeepAfterResume_showsSuspendedCallersWithAwaitLines() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(deep1()));
        List<String> frames = Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(StackTraceTest.class.getName()))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .toList();
        assertEquals(List.of("deep3:65", "deep2:70", "deep1:76"),
                frames.subList(0, 3), "stack trace " + frames);
    }

}
