package dev.weft.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Pass 2a: makes {@code new X(..., await(a), ...)} weavable. An object under construction cannot
 * be saved in a frame (the verifier forbids storing it anywhere), so for every {@code NEW X; DUP}
 * whose uninitialised value is on the stack at a suspension point, the pair is removed and
 * re-created just before the constructor call: the evaluated arguments are spilled to fresh
 * locals, {@code NEW X; DUP} is emitted, and the arguments are reloaded. Arguments are still
 * evaluated in source order; only the allocation moves later, as Kotlin and ea-async do.
 *
 * <p>Stateless; safe on any thread.
 */
final class NewRelocation {
    private NewRelocation() {
    }

    /** One {@code NEW X; DUP ... INVOKESPECIAL X.<init>} to move. */
    private record Site(TypeInsnNode newInsn, AbstractInsnNode dup, MethodInsnNode init) {
    }

    /**
     * The {@code NEW} instructions whose objects are under construction at one of
     * {@code suspensions}, or an empty set when nothing needs moving.
     */
    static Set<AbstractInsnNode> newsLiveAt(MethodNode m, Frame<BasicValue>[] frames,
                                            List<AbstractInsnNode> suspensions) {
        Set<AbstractInsnNode> found = new HashSet<>();
        for (AbstractInsnNode s : suspensions) {
            Frame<BasicValue> f = frames[m.instructions.indexOf(s)];
            if (f == null) {
                continue;
            }
            for (int i = 0; i < f.getStackSize(); i++) {
                if (f.getStack(i) instanceof UninitializedValue) {
                    found.add(((UninitializedValue) f.getStack(i)).newInsn());
                }
            }
        }
        return found;
    }

    /**
     * Moves each given {@code NEW; DUP} to its constructor call.
     *
     * @throws WeaveException for a shape other than javac's {@code NEW; DUP; args; <init>}
     */
    static void apply(MethodNode m, Frame<BasicValue>[] frames, Set<AbstractInsnNode> news, String site)
            throws WeaveException {
        List<Site> sites = new ArrayList<>();
        for (AbstractInsnNode n : news) {
            sites.add(find(m, frames, (TypeInsnNode) n, site));
        }
        for (Site s : sites) {
            relocate(m, s);
        }
    }

    private static Site find(MethodNode m, Frame<BasicValue>[] frames, TypeInsnNode newInsn, String site)
            throws WeaveException {
        AbstractInsnNode dup = newInsn.getNext();
        while (dup != null && dup.getOpcode() < 0) {
            dup = dup.getNext();
        }
        MethodInsnNode init = null;
        InsnList code = m.instructions;
        for (AbstractInsnNode i = code.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) i).name)) {
                Frame<BasicValue> f = frames[code.indexOf(i)];
                if (f == null) {
                    continue;
                }
                int args = Type.getArgumentTypes(((MethodInsnNode) i).desc).length;
                BasicValue receiver = f.getStack(f.getStackSize() - args - 1);
                if (receiver instanceof UninitializedValue
                        && ((UninitializedValue) receiver).newInsn() == newInsn) {
                    if (init != null) {
                        init = null; // two constructor calls for one NEW: not javac's shape
                        break;
                    }
                    init = (MethodInsnNode) i;
                }
            }
        }
        if (dup == null || dup.getOpcode() != Opcodes.DUP || init == null) {
            throw new WeaveException(new WeaveError(site,
                    "Weft.await inside the arguments of 'new " + Type.getObjectType(newInsn.desc).getClassName()
                            + "(...)' in a bytecode shape other than javac's NEW/DUP/<init>; "
                            + "assign the awaited value to a local variable first"));
        }
        return new Site(newInsn, dup, init);
    }

    private static void relocate(MethodNode m, Site s) {
        InsnList code = m.instructions;
        Type[] args = Type.getArgumentTypes(s.init().desc);
        int[] temps = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            temps[i] = m.maxLocals;
            m.maxLocals += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), temps[i]));
        }
        before.add(new TypeInsnNode(Opcodes.NEW, s.newInsn().desc));
        before.add(new InsnNode(Opcodes.DUP));
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), temps[i]));
        }
        code.insertBefore(s.init(), before);
        code.remove(s.newInsn());
        code.remove(s.dup());
    }
}
