package dev.weft.weave;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The local variable table of a woven body, with each variable's range cut where its slot may
 * hold a stale value, so a debugger shows a local with its real value or not at all.
 *
 * <p>Why: a suspended frame saves only the locals that are live at the await. When it resumes,
 * the others are not restored — the body's slots then hold whatever the fresh invocation has
 * there (a default 0 or null), while the method's table still says the variable is in scope. So a
 * variable is left out of the table from each await at which it is not restored, until it is
 * assigned again: a forward data-flow analysis ("may be stale") over the original code, where an
 * await makes every slot it does not restore stale and a store makes its slot fresh. Since the
 * resumed path and the path that did not suspend share the code after the await, the variable is
 * absent on both — never shown wrong on either. Variables restored at every await keep their
 * ranges unchanged.
 *
 * <p>Stateless; safe on any thread.
 */
final class LocalRanges {
    private LocalRanges() {
    }

    /**
     * The local variables of {@code m} (original slot numbers), trimmed for the suspension points
     * of {@code layout}; labels for the new range ends are inserted into {@code m}'s code.
     */
    static List<LocalVariableNode> trimmed(MethodNode m, FrameLayout layout) {
        List<LocalVariableNode> out = new ArrayList<>();
        if (m.localVariables == null || m.localVariables.isEmpty()) {
            return out;
        }
        BitSet[] stale = stale(m, layout);
        InsnList code = m.instructions;
        List<int[]> runs = new ArrayList<>(); // [variable index, first insn, end insn (exclusive)]
        for (int v = 0; v < m.localVariables.size(); v++) {
            LocalVariableNode var = m.localVariables.get(v);
            int end = code.indexOf(var.end);
            int runStart = -1;
            for (int i = code.indexOf(var.start); i <= end; i++) {
                boolean visible = i < end && !stale[i].get(var.index);
                if (visible && runStart < 0) {
                    runStart = i;
                } else if (!visible && runStart >= 0) {
                    runs.add(new int[] {v, runStart, i});
                    runStart = -1;
                }
            }
        }
        AbstractInsnNode[] insns = code.toArray();
        for (int[] run : runs) {
            LocalVariableNode var = m.localVariables.get(run[0]);
            out.add(new LocalVariableNode(var.name, var.desc, var.signature, labelAt(code, insns, run[1]),
                    labelAt(code, insns, run[2]), var.index));
        }
        return out;
    }

    /** A label just before instruction {@code i} (the instruction itself if it is one). */
    private static LabelNode labelAt(InsnList code, AbstractInsnNode[] insns, int i) {
        if (insns[i] instanceof LabelNode) {
            return (LabelNode) insns[i];
        }
        LabelNode label = new LabelNode();
        code.insertBefore(insns[i], label);
        return label;
    }

    /** For each instruction, the slots that may hold a stale value just before it. */
    private static BitSet[] stale(MethodNode m, FrameLayout layout) {
        InsnList code = m.instructions;
        int n = code.size();
        BitSet[] unrestored = new BitSet[n];
        for (PointLayout p : layout.points()) {
            if (!p.point().tail()) {
                BitSet s = new BitSet();
                s.set(0, m.maxLocals);
                for (SavedValue v : p.locals()) {
                    s.clear(v.local());
                    if (v.kind().isWide()) {
                        s.clear(v.local() + 1);
                    }
                }
                unrestored[code.indexOf(p.point().insn())] = s;
            }
        }
        List<List<Integer>> successors = Liveness.successors(m);
        BitSet[] in = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
        }
        BitSet todo = new BitSet();
        todo.set(0, n); // each instruction at least once: an await makes slots stale whatever came before
        while (!todo.isEmpty()) {
            int i = todo.nextSetBit(0);
            todo.clear(i);
            BitSet out = transfer(code.get(i), in[i], unrestored[i]);
            for (int s : successors.get(i)) {
                BitSet before = (BitSet) in[s].clone();
                in[s].or(out);
                if (!in[s].equals(before)) {
                    todo.set(s);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (unrestored[i] != null) {
                in[i].or(unrestored[i]); // gone from the await itself: never stale on the resumed path
            }
        }
        return in;
    }

    private static BitSet transfer(AbstractInsnNode insn, BitSet in, BitSet unrestored) {
        if (unrestored != null) {
            return (BitSet) unrestored.clone();
        }
        BitSet out = (BitSet) in.clone();
        int op = insn.getOpcode();
        if (insn instanceof VarInsnNode && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            int var = ((VarInsnNode) insn).var;
            out.clear(var);
            if (op == Opcodes.LSTORE || op == Opcodes.DSTORE) {
                out.clear(var + 1);
            }
        }
        return out;
    }
}
