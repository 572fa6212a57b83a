package dev.weft.weave;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Pass 2a: makes objects under construction across an await weavable, whatever the bytecode
 * shape. An uninitialised object cannot be saved in a frame (the verifier forbids it to escape),
 * so for every {@code NEW X} whose value — any copy of it, on the operand stack or in a live
 * local — is held at a suspension point, the allocation moves to the constructor call:
 * <ul>
 * <li>the {@code NEW} becomes a {@code null} placeholder, which every {@code DUP}, {@code SWAP},
 *     store and load between it and the constructor copies and moves exactly as it did the
 *     uninitialised value, and which a suspension saves for free (a known null);</li>
 * <li>at each constructor call of that {@code NEW} (there may be one per path), the arguments
 *     are spilled to fresh locals, the placeholder receiver is dropped, {@code NEW X; DUP} and
 *     the arguments are pushed and the constructor runs; the new object then replaces every
 *     placeholder copy the analysis saw there — in locals and on the stack below the receiver —
 *     as the JVM's verifier replaces every copy of an initialised value.</li>
 * </ul>
 * Arguments are still evaluated in source order; only the allocation moves, as in Kotlin and
 * ea-async. Java initialises {@code X} when {@code new} executes, before the arguments (JLS
 * 12.4.1), so the placeholder is preceded by an {@code invokedynamic} whose bootstrap initialises
 * {@code X} the first time it runs and then links to nothing: the static initialiser keeps its
 * place, and costs nothing afterwards.
 *
 * <p>Stateless; safe on any thread.
 */
final class NewRelocation {
    private static final Handle INITIALIZE = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.BOOTSTRAPS,
            RuntimeNames.INITIALIZE, RuntimeNames.INITIALIZE_DESC, false);

    private NewRelocation() {
    }

    /** One constructor call of a moved {@code NEW}, with what the analysis saw just before it. */
    private record Init(MethodInsnNode call, TypeInsnNode newInsn, List<BasicValue> stack, BitSet copiesOnStack,
                        BitSet copiesInLocals) {
    }

    /**
     * The {@code NEW} instructions whose objects are under construction at one of
     * {@code suspensions} (on the stack, or in a local that is read again), in code order; empty
     * when nothing needs moving.
     */
    static Set<AbstractInsnNode> newsLiveAt(MethodNode m, Frame<BasicValue>[] frames,
                                            List<AbstractInsnNode> suspensions, Liveness liveness) {
        Set<AbstractInsnNode> found = new LinkedHashSet<>();
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
            BitSet live = liveness.liveBefore(s);
            for (int i = 0; i < f.getLocals(); i++) {
                if (live.get(i) && f.getLocal(i) instanceof UninitializedValue) {
                    found.add(((UninitializedValue) f.getLocal(i)).newInsn());
                }
            }
        }
        return found;
    }

    /** Moves the allocation of each given {@code NEW} to its constructor calls. */
    static void apply(MethodNode m, Frame<BasicValue>[] frames, Set<AbstractInsnNode> news) {
        List<Init> inits = new ArrayList<>();
        InsnList code = m.instructions;
        for (AbstractInsnNode i = code.getFirst(); i != null; i = i.getNext()) {
            Frame<BasicValue> f = frames[code.indexOf(i)];
            TypeInsnNode newInsn = f == null ? null : constructed(i, f);
            if (newInsn != null && news.contains(newInsn)) {
                inits.add(init((MethodInsnNode) i, newInsn, f));
            }
        }
        m.maxStack += 2; // NEW; DUP where one placeholder stood, and a DUP for each local copy
        for (Init init : inits) {
            code.insertBefore(init.call(), construct(m, init));
            code.remove(init.call());
        }
        for (AbstractInsnNode n : news) {
            code.insertBefore(n, new InvokeDynamicInsnNode(RuntimeNames.INITIALIZE, "()V", INITIALIZE,
                    Type.getObjectType(((TypeInsnNode) n).desc)));
            code.set(n, new InsnNode(Opcodes.ACONST_NULL));
        }
    }

    /** The {@code NEW} whose object {@code insn} constructs, or null if it is no such call. */
    private static TypeInsnNode constructed(AbstractInsnNode insn, Frame<BasicValue> f) {
        if (insn.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) insn).name)) {
            return null;
        }
        int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
        BasicValue receiver = f.getStack(f.getStackSize() - args - 1);
        return receiver instanceof UninitializedValue ? (TypeInsnNode) ((UninitializedValue) receiver).newInsn() : null;
    }

    private static Init init(MethodInsnNode call, TypeInsnNode newInsn, Frame<BasicValue> f) {
        List<BasicValue> stack = new ArrayList<>();
        BitSet onStack = new BitSet();
        for (int i = 0; i < f.getStackSize(); i++) {
            stack.add(f.getStack(i));
            onStack.set(i, isCopy(f.getStack(i), newInsn));
        }
        BitSet inLocals = new BitSet();
        for (int i = 0; i < f.getLocals(); i++) {
            inLocals.set(i, isCopy(f.getLocal(i), newInsn));
        }
        return new Init(call, newInsn, stack, onStack, inLocals);
    }

    private static boolean isCopy(BasicValue v, AbstractInsnNode newInsn) {
        return v instanceof UninitializedValue && ((UninitializedValue) v).newInsn() == newInsn;
    }

    /**
     * The code that replaces one constructor call: from {@code [below.., placeholder, args..]} to
     * {@code [below..]} with the new object in place of every placeholder copy.
     */
    private static InsnList construct(MethodNode m, Init init) {
        InsnList out = new InsnList();
        Type[] args = Type.getArgumentTypes(init.call().desc);
        int receiver = init.stack().size() - args.length - 1;
        int[] argTemps = new int[args.length];
        for (int i = args.length - 1; i >= 0; i--) {
            argTemps[i] = temp(m, args[i]);
            out.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), argTemps[i]));
        }
        out.add(new InsnNode(Opcodes.POP)); // the placeholder receiver
        out.add(new TypeInsnNode(Opcodes.NEW, init.newInsn().desc));
        out.add(new InsnNode(Opcodes.DUP));
        for (int i = 0; i < args.length; i++) {
            out.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), argTemps[i]));
        }
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, init.call().owner, init.call().name,
                init.call().desc, init.call().itf));
        for (int l = init.copiesInLocals().nextSetBit(0); l >= 0; l = init.copiesInLocals().nextSetBit(l + 1)) {
            out.add(new InsnNode(Opcodes.DUP));
            out.add(new VarInsnNode(Opcodes.ASTORE, l));
        }
        replaceCopiesBelow(m, init, receiver, out);
        return out;
    }

    /** With the new object on top of {@code [below..]}, puts it in place of each copy in below. */
    private static void replaceCopiesBelow(MethodNode m, Init init, int receiver, InsnList out) {
        BitSet copies = init.copiesOnStack().get(0, receiver);
        if (copies.isEmpty()) {
            out.add(new InsnNode(Opcodes.POP));
            return;
        }
        if (copies.cardinality() == 1 && copies.get(receiver - 1)) {
            out.add(new InsnNode(Opcodes.SWAP)); // javac's NEW; DUP: the one copy is just below
            out.add(new InsnNode(Opcodes.POP));
            return;
        }
        int object = temp(m, Type.getObjectType(init.newInsn().desc));
        out.add(new VarInsnNode(Opcodes.ASTORE, object));
        int deepest = copies.nextSetBit(0);
        int[] temps = new int[receiver];
        for (int i = receiver - 1; i >= deepest; i--) {
            if (copies.get(i)) {
                out.add(new InsnNode(Opcodes.POP));
            } else {
                Type t = typeOf(init.stack().get(i));
                temps[i] = temp(m, t);
                out.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), temps[i]));
            }
        }
        for (int i = deepest; i < receiver; i++) {
            if (copies.get(i)) {
                out.add(new VarInsnNode(Opcodes.ALOAD, object));
            } else {
                Type t = typeOf(init.stack().get(i));
                out.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), temps[i]));
            }
        }
    }

    /** The type to spill a stack value as: any reference (other objects under construction too) as Object. */
    private static Type typeOf(BasicValue v) {
        Type t = v.getType();
        if (t == null || t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
            return Type.getObjectType("java/lang/Object");
        }
        return t;
    }

    private static int temp(MethodNode m, Type t) {
        int slot = m.maxLocals;
        m.maxLocals += t.getSize();
        return slot;
    }
}
