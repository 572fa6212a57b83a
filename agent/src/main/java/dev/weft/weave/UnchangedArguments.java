package dev.weft.weave;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which primitive arguments a suspension point need not save, because the frame already holds
 * them: an argument the method never assigns keeps the value the factory stored in its slot, so
 * as long as no suspension point puts anything else in that slot, saving it again at every
 * suspension would only store the same bits once more. A generator saves at every element, so
 * for {@code counter(int n)} this drops one store of {@code n} per element.
 *
 * <p>Only primitives: a reference slot is cleared when it is restored (so a suspended frame
 * keeps alive only what it will use again), so a reference must be saved each time.
 *
 * <p>Stateless; safe on any thread.
 */
final class UnchangedArguments {
    private UnchangedArguments() {
    }

    /**
     * The original local slots of the primitive arguments whose save every suspension point of
     * {@code layout} may leave out.
     *
     * @param code the original method's code (before its locals are moved for the frame)
     */
    static Set<Integer> of(FrameLayout layout, InsnList code) {
        Set<Integer> written = writtenLocals(code);
        Set<Integer> unchanged = new HashSet<>();
        for (SavedValue arg : layout.start().locals()) {
            if (isPrimitive(arg) && !written.contains(arg.local()) && slotKeptFor(arg, layout)) {
                unchanged.add(arg.local());
            }
        }
        return unchanged;
    }

    /** Whether every suspension point that uses {@code arg}'s slot keeps {@code arg} there. */
    private static boolean slotKeptFor(SavedValue arg, FrameLayout layout) {
        for (PointLayout p : layout.points()) {
            for (SavedValue v : p.stack()) {
                if (isPrimitive(v) && v.slot() == arg.slot()) {
                    return false;
                }
            }
            for (SavedValue v : p.locals()) {
                if (isPrimitive(v) && v.slot() == arg.slot() && v.local() != arg.local()) {
                    return false;
                }
                if (isPrimitive(v) && v.local() == arg.local() && v.slot() != arg.slot()) {
                    return false; // saved elsewhere here: then restored from there, keep it simple
                }
            }
        }
        return true;
    }

    private static boolean isPrimitive(SavedValue v) {
        return v.kind() != SlotKind.NULL && !v.kind().reference;
    }

    private static Set<Integer> writtenLocals(InsnList code) {
        Set<Integer> written = new HashSet<>();
        for (AbstractInsnNode i = code.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof IincInsnNode) {
                written.add(((IincInsnNode) i).var);
            } else if (i instanceof VarInsnNode && isStore(i.getOpcode())) {
                written.add(((VarInsnNode) i).var);
            }
        }
        return written;
    }

    private static boolean isStore(int opcode) {
        return opcode >= org.objectweb.asm.Opcodes.ISTORE && opcode <= org.objectweb.asm.Opcodes.ASTORE;
    }
}
