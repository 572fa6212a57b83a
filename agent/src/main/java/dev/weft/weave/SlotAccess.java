package dev.weft.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * How woven code reaches the saved slots of its frame, which depends on the frame class of the
 * method's kind: the calls that save the value on top of the stack into slot {@code k} and
 * push slot {@code k} back.
 *
 * <p>Both forms take the slot as a constant, so the JIT folds an inlined accessor to one access.
 * Immutable.
 */
enum SlotAccess {
    /**
     * {@code Frame}'s slot arrays: static savers {@code Frame.saveX(value, frame, slot)} and the
     * getters {@code frame.getX(slot)}; for coroutines, whose frames stay small while suspended.
     */
    ARRAYS(RuntimeNames.FRAME, "save", "get", false),
    /**
     * {@code FieldSlotFrame}'s fields first, then its arrays: static
     * {@code FieldSlotFrame.storeX(value, frame, slot)} and {@code FieldSlotFrame.loadX(frame, slot)};
     * for generators, which save and restore at every element.
     */
    FIELDS(RuntimeNames.FIELD_SLOT_FRAME, "store", "load", true);

    private final String owner;
    private final String saver;
    private final String getter;
    private final boolean staticGetters;

    SlotAccess(String owner, String saver, String getter, boolean staticGetters) {
        this.owner = owner;
        this.saver = saver;
        this.getter = getter;
        this.staticGetters = staticGetters;
    }

    /** The call that saves the top of the stack (of {@code kind}), with the frame and slot pushed after it. */
    MethodInsnNode saveCall(SlotKind kind) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, saver + kind.suffix, kind.saverDesc(), false);
    }

    /** Appends the call that pushes a slot of {@code kind}, the frame and the slot being pushed already. */
    void addGetCall(InsnList out, SlotKind kind) {
        String value = kind.reference ? "Ljava/lang/Object;" : kind.suffix;
        if (staticGetters) {
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, getter + kind.suffix,
                    "(" + RuntimeNames.FRAME_DESC + "I)" + value, false));
        } else {
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, owner, getter + kind.suffix,
                    kind.getterDesc(), false));
        }
    }
}
