package dev.weft.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * How one saved value is stored in a frame: the four primitive kinds share the frame's
 * {@code long} slots, references use its {@code Object} slots, and a known {@code null} is not
 * stored at all (it is re-created with {@code ACONST_NULL}).
 */
enum SlotKind {
    INT("I", Opcodes.ILOAD, Opcodes.ISTORE, false),
    LONG("J", Opcodes.LLOAD, Opcodes.LSTORE, false),
    FLOAT("F", Opcodes.FLOAD, Opcodes.FSTORE, false),
    DOUBLE("D", Opcodes.DLOAD, Opcodes.DSTORE, false),
    REF("R", Opcodes.ALOAD, Opcodes.ASTORE, true),
    NULL("R", Opcodes.ALOAD, Opcodes.ASTORE, true);

    final String suffix;
    final int load;
    final int store;
    final boolean reference;

    SlotKind(String suffix, int load, int store, boolean reference) {
        this.suffix = suffix;
        this.load = load;
        this.store = store;
        this.reference = reference;
    }

    /** The kind for a verifier type; null types (ASM's {@code Lnull;}) become {@link #NULL}. */
    static SlotKind of(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                return INT;
            case Type.LONG:
                return LONG;
            case Type.FLOAT:
                return FLOAT;
            case Type.DOUBLE:
                return DOUBLE;
            default:
                return "Lnull;".equals(type.getDescriptor()) ? NULL : REF;
        }
    }

    /** Descriptor of the static saver {@code Frame.saveX(value, Frame, int)}. */
    String saverDesc() {
        String v = reference ? "Ljava/lang/Object;" : suffix;
        return "(" + v + RuntimeNames.FRAME_DESC + "I)V";
    }

    /** Descriptor of the getter {@code frame.getX(int)}. */
    String getterDesc() {
        String v = reference ? "Ljava/lang/Object;" : suffix;
        return "(I)" + v;
    }

    boolean isWide() {
        return this == LONG || this == DOUBLE;
    }

    boolean usesPrimSlot() {
        return !reference;
    }
}
