package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frame's own bookkeeping, driven by hand-written bodies as the weaver would write them: the
 * slot storage in one field, the life cycle kept in the top bits of {@code state}, and outcomes
 * told apart from thrown exceptions without a flag field.
 */
class FrameTest {
    private static final String SITE = "FrameTest.body(FrameTest.java:1)#7,9";

    private static Frame frame(Body body, int prims, int refs) {
        return new Frame(new MethodInfo(body, SITE, prims, refs));
    }

    @Test
    void slots_bothKinds_roundTripEveryType() {
        Frame f = frame(fr -> null, 4, 2);
        Frame.saveI(-7, f, 0);
        Frame.saveJ(Long.MIN_VALUE, f, 1);
        Frame.saveF(1.5f, f, 2);
        Frame.saveD(-0.25, f, 3);
        Object ref = new Object();
        Frame.saveR(ref, f, 0);
        Frame.saveR(null, f, 1);
        assertEquals(-7, f.getI(0));
        assertEquals(Long.MIN_VALUE, f.getJ(1));
        assertEquals(1.5f, f.getF(2));
        assertEquals(-0.25, f.getD(3));
        assertSame(ref, f.peekR(0));
        assertSame(ref, f.getR(0));
        assertNull(f.getR(0), "a restored reference slot is cleared");
        assertNull(f.getR(1));
    }

    @Test
    void releaseArgumentSlots_primsOfAFrameWithBoth_keepsTheReferences() {
        Frame f = frame(fr -> null, 1, 1);
        Frame.saveI(3, f, 0);
        Frame.saveR("kept", f, 0);
        f.releaseArgumentSlots(true, false);
        assertEquals("kept", f.getR(0));
        assertThrows(RuntimeException.class, () -> f.getI(0), "the primitive slots are gone");
    }

    @Test
    void releaseArgumentSlots_refsOfAFrameWithBoth_keepsThePrimitives() {
        Frame f = frame(fr -> null, 1, 1);
        Frame.saveJ(42L, f, 0);
        Frame.saveR("dropped", f, 0);
        f.releaseArgumentSlots(false, true);
        assertEquals(42L, f.getJ(0));
        assertThrows(RuntimeException.class, () -> f.getR(0), "the reference slots are gone");
    }

    @Test
    void releaseArgumentSlots_onlyKindDropped_leavesNoArrays() {
        Frame prims = frame(fr -> null, 2, 0);
        prims.releaseArgumentSlots(true, false);
        assertThrows(NullPointerException.class, () -> prims.getI(0));
        Frame refs = frame(fr -> null, 0, 2);
        refs.releaseArgumentSlots(false, false);
        Frame.saveR("still here", refs, 1);
        assertEquals("still here", refs.getR(1));
    }

    @Test
    void resumed_throwableGivenAsValue_isReturnedNotThrown() {
        Frame f = frame(fr -> null, 0, 0);
        IllegalStateException value = new IllegalStateException("a value, not an error");
        f.resumeWith(value, null);
        assertSame(value, f.resumed());
        assertNull(f.resumed(), "the outcome is handed over once");
    }

    @Test
    void resumed_errorGiven_throwsThatVeryException() {
        Frame f = frame(fr -> null, 0, 0);
        IllegalStateException error = new IllegalStateException("thrown at the await");
        f.resumeWith("ignored", error);
        assertSame(error, assertThrows(IllegalStateException.class, f::resumed));
        assertNull(f.resumed(), "the error is handed over once");
    }

    @Test
    void run_acrossSuspensions_bodySeesBareResumePointAndToStringTracksLifeCycle() {
        List<Integer> entries = new ArrayList<>();
        List<String> seenWhileRunning = new ArrayList<>();
        Body body = fr -> {
            entries.add(fr.state);
            seenWhileRunning.add(fr.toString());
            if (fr.state < 2) {
                fr.state++;
                return Frame.SUSPENDED;
            }
            return "end";
        };
        Frame f = frame(body, 0, 0);
        assertTrue(f.isCreated());
        assertTrue(f.toString().endsWith(" created>"), f.toString());
        f.startDriven("a driver");
        assertSame(Frame.SUSPENDED, f.run());
        assertTrue(f.toString().endsWith(" suspended>"), f.toString());
        assertEquals(false, f.isCreated());
        assertEquals("FrameTest.body(FrameTest.java:7)", f.where().toString(),
                "a suspended frame stands at its pending await's line");
        assertSame(Frame.SUSPENDED, f.run());
        assertEquals("end", f.run());
        assertEquals(List.of(0, 1, 2), entries);
        assertEquals(List.of(true, true, true), seenWhileRunning.stream()
                .map(s -> s.endsWith(" running>")).toList(), seenWhileRunning.toString());
        assertTrue(f.toString().endsWith(" done>"), f.toString());
        assertEquals(false, f.isCreated());
        assertEquals("FrameTest.body(FrameTest.java:1)", f.where().toString(),
                "a finished frame stands at its method's first line");
    }

    @Test
    void run_bodyThrows_frameIsDoneAndCannotBeAwaitedAgain() {
        Frame f = frame(fr -> {
            throw new ArithmeticException("boom");
        }, 0, 0);
        Frame awaiter = frame(fr -> null, 0, 0);
        assertThrows(ArithmeticException.class, () -> Frame.await(f, awaiter));
        assertTrue(f.toString().endsWith(" done>"), f.toString());
        assertThrows(IllegalStateException.class, () -> Frame.await(f, awaiter));
    }

    @Test
    void await_coroutineThatAwaitsItselfWhileInItsFirstStep_isRejected() {
        Frame[] self = new Frame[1];
        Frame f = frame(fr -> Frame.await(self[0], fr), 0, 0);
        self[0] = f;
        Frame awaiter = frame(fr -> null, 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Frame.await(f, awaiter));
        assertTrue(e.getMessage().contains("already awaited or run"), e.getMessage());
    }

    @Test
    void await_completedCoroutine_returnsItsValueAndLinksTheAwaiter() {
        Frame f = frame(fr -> 41, 0, 0);
        Frame awaiter = frame(fr -> null, 0, 0);
        assertEquals(41, Frame.await(f, awaiter));
        assertSame(awaiter, f.awaiter());
        assertThrows(IllegalStateException.class, () -> Frame.await(f, awaiter), "runs once");
    }
}
