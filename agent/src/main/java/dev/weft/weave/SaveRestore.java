package dev.weft.weave;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Emits the code that moves live values between a method's locals and operand stack and its
 * frame's typed slots.
 *
 * <p>Saving calls a static saver ({@code saveX(value, frame, slot)}), so a value on top of the
 * operand stack is saved without shuffling; restoring calls a getter and casts references back
 * to their analysed type so the verifier sees what it saw before. Which savers and getters
 * depends on the frame class ({@link SlotAccess}).
 *
 * <p>Stateless; safe on any thread.
 */
final class SaveRestore {
    private SaveRestore() {
    }

    /**
     * Saves the stack entries of {@code layout} (popping them, top first) and then its locals.
     *
     * @param frameLocal the local slot holding the frame in the emitted code
     * @param shift how far the emitted code's local slots are moved from the original method's
     */
    static InsnList save(PointLayout layout, SlotAccess access, int frameLocal, int shift) {
        return save(layout, access, frameLocal, shift, Set.of());
    }

    /**
     * As {@link #save(PointLayout, SlotAccess, int, int)}, leaving out the locals in
     * {@code unchanged} (original slots), whose frame slots already hold their values
     * ({@link UnchangedArguments}).
     */
    static InsnList save(PointLayout layout, SlotAccess access, int frameLocal, int shift, Set<Integer> unchanged) {
        InsnList out = new InsnList();
        List<SavedValue> stack = layout.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            SavedValue v = stack.get(i);
            if (v.kind() == SlotKind.NULL) {
                out.add(new InsnNode(Opcodes.POP));
            } else {
                storeTop(out, v, access, frameLocal);
            }
        }
        for (SavedValue v : layout.locals()) {
            if (v.kind() != SlotKind.NULL && !unchanged.contains(v.local())) {
                out.add(new VarInsnNode(v.kind().load, v.local() + shift));
                storeTop(out, v, access, frameLocal);
            }
        }
        return out;
    }

    /** Restores the stack entries of {@code layout} (bottom first), then its locals. */
    static InsnList restore(PointLayout layout, SlotAccess access, int frameLocal, int shift) {
        InsnList out = new InsnList();
        for (SavedValue v : layout.stack()) {
            push(out, v, access, frameLocal);
        }
        for (SavedValue v : layout.locals()) {
            push(out, v, access, frameLocal);
            out.add(new VarInsnNode(v.kind().store, v.local() + shift));
        }
        return out;
    }

    /** Stores the value on top of the stack (of {@code v}'s kind) into its frame slot. */
    static void storeTop(InsnList out, SavedValue v, SlotAccess access, int frameLocal) {
        access.save(out, v, frameLocal);
    }

    /** Pushes the saved value {@code v}, cast back to its type. */
    static void push(InsnList out, SavedValue v, SlotAccess access, int frameLocal) {
        if (v.kind() == SlotKind.NULL) {
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            return;
        }
        access.push(out, v, frameLocal);
        if (v.kind() == SlotKind.REF && !v.type().getInternalName().equals("java/lang/Object")) {
            out.add(new TypeInsnNode(Opcodes.CHECKCAST, castName(v.type())));
        }
    }

    private static String castName(Type t) {
        return t.getSort() == Type.ARRAY ? t.getDescriptor() : t.getInternalName();
    }

    static org.objectweb.asm.tree.AbstractInsnNode intConst(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
