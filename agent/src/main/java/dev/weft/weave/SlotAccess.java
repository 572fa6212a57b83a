package dev.weft.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * How woven code reaches the saved slots of its frame, which depends on the frame class of the
 * method's kind: the code that saves the value on top of the stack into slot {@code k}, and the
 * code that pushes slot {@code k} back.
 *
 * <p>Immutable.
 */
enum SlotAccess {
    /**
     * {@code Frame}'s slot arrays: static savers {@code Frame.saveX(value, frame, slot)} and the
     * getters {@code frame.getX(slot)}; for coroutines, whose frames stay small while suspended.
     */
    ARRAYS,
    /**
     * {@code FieldSlotFrame}'s public fields {@code p0..p3} and {@code r0..r3} for the first
     * {@link RuntimeNames#FIELD_SLOTS} slots of each kind, as plain {@code GETFIELD}/{@code PUTFIELD}
     * (no call, so nothing for the JIT to decline to inline on a cold path, and nothing that
     * lets the frame escape); the slots after them in {@code Frame}'s arrays, shifted down. For
     * generators, which save and restore at every element, and eager methods, whose frame is
     * then one object.
     */
    FIELDS;

    /** Appends the code that saves the top of the stack (a value of {@code v}'s kind) into its slot. */
    void save(InsnList out, SavedValue v, int frameLocal) {
        if (this == ARRAYS || v.slot() >= RuntimeNames.FIELD_SLOTS) {
            out.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
            out.add(SaveRestore.intConst(arraySlot(v)));
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.FRAME,
                    RuntimeNames.SAVE_PREFIX + v.kind().suffix, v.kind().saverDesc(), false));
            return;
        }
        if (v.kind().reference) {
            out.add(fieldFrame(frameLocal));
            out.add(new InsnNode(Opcodes.SWAP));
            out.add(field(Opcodes.PUTFIELD, v));
            return;
        }
        toLongBits(out, v.kind());
        out.add(fieldFrame(frameLocal));
        out.add(new InsnNode(Opcodes.DUP_X2)); // value(2), frame -> frame, value(2), frame
        out.add(new InsnNode(Opcodes.POP));
        out.add(field(Opcodes.PUTFIELD, v));
    }

    /** Appends the code that pushes the value of {@code v}'s slot (uncast); a reference slot is cleared. */
    void push(InsnList out, SavedValue v, int frameLocal) {
        if (this == ARRAYS || v.slot() >= RuntimeNames.FIELD_SLOTS) {
            out.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
            out.add(SaveRestore.intConst(arraySlot(v)));
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.FRAME,
                    RuntimeNames.GET_PREFIX + v.kind().suffix, v.kind().getterDesc(), false));
            return;
        }
        out.add(fieldFrame(frameLocal));
        if (v.kind().reference) {
            // frame, frame -> frame, value -> value, frame, null -> value (the slot cleared)
            out.add(new InsnNode(Opcodes.DUP));
            out.add(field(Opcodes.GETFIELD, v));
            out.add(new InsnNode(Opcodes.SWAP));
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(field(Opcodes.PUTFIELD, v));
            return;
        }
        out.add(field(Opcodes.GETFIELD, v));
        fromLongBits(out, v.kind());
    }

    /** The index in {@code Frame}'s arrays: the field slots come first and are not in them. */
    private int arraySlot(SavedValue v) {
        return this == FIELDS ? v.slot() - RuntimeNames.FIELD_SLOTS : v.slot();
    }

    private static InsnList fieldFrame(int frameLocal) {
        InsnList out = new InsnList();
        out.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        out.add(new TypeInsnNode(Opcodes.CHECKCAST, RuntimeNames.FIELD_SLOT_FRAME));
        return out;
    }

    private static FieldInsnNode field(int opcode, SavedValue v) {
        return new FieldInsnNode(opcode, RuntimeNames.FIELD_SLOT_FRAME, fieldName(v.kind().reference, v.slot()),
                fieldDesc(v.kind().reference));
    }

    /** The name of {@code FieldSlotFrame}'s field for reference or primitive slot {@code slot}. */
    static String fieldName(boolean reference, int slot) {
        return (reference ? RuntimeNames.REF_FIELD_PREFIX : RuntimeNames.PRIM_FIELD_PREFIX) + slot;
    }

    /** The descriptor of {@code FieldSlotFrame}'s reference or primitive slot fields. */
    static String fieldDesc(boolean reference) {
        return reference ? "Ljava/lang/Object;" : "J";
    }

    /** Turns a primitive on top of the stack into the {@code long} its slot holds (raw bits). */
    private static void toLongBits(InsnList out, SlotKind kind) {
        switch (kind) {
            case INT:
                out.add(new InsnNode(Opcodes.I2L));
                break;
            case FLOAT:
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits",
                        "(F)I", false));
                out.add(new InsnNode(Opcodes.I2L));
                break;
            case DOUBLE:
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits",
                        "(D)J", false));
                break;
            default: // LONG
                break;
        }
    }

    /** The inverse of {@link #toLongBits}. */
    private static void fromLongBits(InsnList out, SlotKind kind) {
        switch (kind) {
            case INT:
                out.add(new InsnNode(Opcodes.L2I));
                break;
            case FLOAT:
                out.add(new InsnNode(Opcodes.L2I));
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat",
                        "(I)F", false));
                break;
            case DOUBLE:
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble",
                        "(J)D", false));
                break;
            default: // LONG
                break;
        }
    }
}
