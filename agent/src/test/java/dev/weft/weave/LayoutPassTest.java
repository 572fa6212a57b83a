package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** The layout pass is a pure function from analysed points to frame slots. */
class LayoutPassTest {
    private static final Type STRING = Type.getType(String.class);
    private static final Type NULL = Type.getObjectType("null");

    private static SuspensionPoint point(int label, List<Type> stack, Type... locals) {
        return new SuspensionPoint(label, null, false, Arrays.asList(locals), stack, 10 + label);
    }

    @Test
    void layout_eachPointNumbersItsSlotsFromZero_andTheFrameIsAsWideAsTheWidest() {
        SuspensionPoint a = point(1, List.of(Type.INT_TYPE), STRING, Type.LONG_TYPE, null, Type.DOUBLE_TYPE, null);
        SuspensionPoint b = point(2, List.of(), STRING, STRING, STRING);
        FrameLayout l = LayoutPass.layout(List.of(), List.of(a, b));
        PointLayout first = l.points().get(0);
        assertEquals(0, first.stack().get(0).slot(), "stack entries come first");
        assertEquals(List.of(0, 1, 2), first.locals().stream().map(SavedValue::slot).toList(),
                "ref 0; prims 1 and 2 (the int stack entry took prim 0)");
        assertEquals(List.of(0, 1, 2), l.points().get(1).locals().stream().map(SavedValue::slot).toList());
        assertEquals(3, l.primSlots());
        assertEquals(3, l.refSlots());
    }

    @Test
    void layout_knownNullTakesNoSlot() {
        FrameLayout l = LayoutPass.layout(List.of(), List.of(point(1, List.of(NULL), NULL, STRING)));
        PointLayout p = l.points().get(0);
        assertEquals(SlotKind.NULL, p.stack().get(0).kind());
        assertEquals(-1, p.stack().get(0).slot());
        assertEquals(1, l.refSlots());
    }

    @Test
    void layout_argumentsOnly_slotArraysCanBeReleasedAfterTheStart() {
        List<Type> args = LayoutPass.argumentLocals("A", true, "(IJLjava/lang/String;)Ldev/weft/Coroutine;");
        assertEquals(Arrays.asList(Type.INT_TYPE, Type.LONG_TYPE, null, STRING), args);
        FrameLayout l = LayoutPass.layout(args, List.of(point(1, List.of(), STRING)));
        assertEquals(2, l.primSlots(), "the arguments need two primitive slots");
        assertTrue(l.primsOnlyForArguments(), "but no suspension point does");
        assertFalse(l.refsOnlyForArguments(), "the point needs a reference slot");
    }
}
