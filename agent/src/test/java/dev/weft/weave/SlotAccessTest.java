package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

class SlotAccessTest {
    private static final int FRAME_LOCAL = 0;

    private static List<String> emitted(InsnList code) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode i = code.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof FieldInsnNode f) {
                out.add(opName(f.getOpcode()) + " " + f.name);
            } else if (i instanceof MethodInsnNode m) {
                out.add(m.owner.substring(m.owner.lastIndexOf('/') + 1) + "." + m.name);
            } else if (i instanceof InsnNode n && n.getOpcode() >= Opcodes.ICONST_0 && n.getOpcode() <= Opcodes.ICONST_5) {
                out.add("const " + (n.getOpcode() - Opcodes.ICONST_0));
            }
        }
        return out;
    }

    private static String opName(int opcode) {
        return opcode == Opcodes.GETFIELD ? "get" : "put";
    }

    private static InsnList save(SlotAccess access, SavedValue v) {
        InsnList out = new InsnList();
        access.save(out, v, FRAME_LOCAL);
        return out;
    }

    private static InsnList push(SlotAccess access, SavedValue v) {
        InsnList out = new InsnList();
        access.push(out, v, FRAME_LOCAL);
        return out;
    }

    @Test
    void fields_firstSlots_areFieldAccessesWithoutCalls() {
        SavedValue i = new SavedValue(SlotKind.INT, Type.INT_TYPE, 1, 2);
        assertEquals(List.of("put p2"), emitted(save(SlotAccess.FIELDS, i)));
        assertEquals(List.of("get p2"), emitted(push(SlotAccess.FIELDS, i)));
    }

    @Test
    void fields_referenceSlot_isClearedWhenRestored() {
        SavedValue r = new SavedValue(SlotKind.REF, Type.getType(String.class), 1, 0);
        assertEquals(List.of("put r0"), emitted(save(SlotAccess.FIELDS, r)));
        assertEquals(List.of("get r0", "put r0"), emitted(push(SlotAccess.FIELDS, r)));
    }

    @Test
    void fields_floatAndDouble_goThroughTheirRawBits() {
        SavedValue f = new SavedValue(SlotKind.FLOAT, Type.FLOAT_TYPE, 1, 3);
        assertEquals(List.of("Float.floatToRawIntBits", "put p3"), emitted(save(SlotAccess.FIELDS, f)));
        assertEquals(List.of("get p3", "Float.intBitsToFloat"), emitted(push(SlotAccess.FIELDS, f)));
        SavedValue d = new SavedValue(SlotKind.DOUBLE, Type.DOUBLE_TYPE, 1, 1);
        assertEquals(List.of("Double.doubleToRawLongBits", "put p1"), emitted(save(SlotAccess.FIELDS, d)));
        assertEquals(List.of("get p1", "Double.longBitsToDouble"), emitted(push(SlotAccess.FIELDS, d)));
    }

    @Test
    void fields_slotsPastTheFields_useTheArraysShiftedDown() {
        SavedValue j = new SavedValue(SlotKind.LONG, Type.LONG_TYPE, 1, RuntimeNames.FIELD_SLOTS + 1);
        assertEquals(List.of("const 1", "Frame.saveJ"), emitted(save(SlotAccess.FIELDS, j)));
        assertEquals(List.of("const 1", "Frame.getJ"), emitted(push(SlotAccess.FIELDS, j)));
    }

    @Test
    void arrays_useTheSlotAsIs() {
        SavedValue i = new SavedValue(SlotKind.INT, Type.INT_TYPE, 1, 2);
        assertEquals(List.of("const 2", "Frame.saveI"), emitted(save(SlotAccess.ARRAYS, i)));
        assertEquals(List.of("const 2", "Frame.getI"), emitted(push(SlotAccess.ARRAYS, i)));
    }
}
