package dev.weft.weave;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local variable slots are live (may still be read) before each instruction: a classic
 * backward data-flow analysis to a fixed point.
 *
 * <p>Used so a suspended frame saves only what the method will read again — a large object
 * whose last use came before the await is not kept alive by the frame. An instruction inside a
 * try block also keeps alive what the block's handlers read, since any instruction there may
 * throw into them.
 *
 * <p>Immutable after construction; safe to read from any thread.
 */
final class Liveness {
    private final InsnList code;
    private final BitSet[] liveIn;

    private Liveness(InsnList code, BitSet[] liveIn) {
        this.code = code;
        this.liveIn = liveIn;
    }

    /** The local slots live just before {@code insn} (a fresh copy). */
    BitSet liveBefore(AbstractInsnNode insn) {
        return (BitSet) liveIn[code.indexOf(insn)].clone();
    }

    static Liveness of(MethodNode m) {
        InsnList code = m.instructions;
        int n = code.size();
        List<List<Integer>> successors = successors(m);
        BitSet[] in = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                BitSet live = new BitSet();
                for (int s : successors.get(i)) {
                    live.or(in[s]);
                }
                transfer(code.get(i), live);
                if (!live.equals(in[i])) {
                    in[i] = live;
                    changed = true;
                }
            }
        }
        return new Liveness(code, in);
    }

    /** live-in = (live-out minus what the instruction writes) plus what it reads. */
    private static void transfer(AbstractInsnNode insn, BitSet live) {
        if (insn instanceof VarInsnNode) {
            int var = ((VarInsnNode) insn).var;
            int op = insn.getOpcode();
            if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                live.clear(var);
            } else {
                live.set(var); // loads and RET
            }
        } else if (insn instanceof IincInsnNode) {
            live.set(((IincInsnNode) insn).var);
        }
    }

    /**
     * The indices of the instructions that may run right after each instruction of {@code m}:
     * jump and switch targets, the next one unless control cannot fall through, and the
     * handlers of every try block the instruction is in.
     */
    static List<List<Integer>> successors(MethodNode m) {
        InsnList code = m.instructions;
        int n = code.size();
        List<List<Integer>> succ = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = code.get(i);
            if (insn instanceof JumpInsnNode) {
                succ.get(i).add(code.indexOf(((JumpInsnNode) insn).label));
            } else if (insn instanceof TableSwitchInsnNode) {
                addAll(code, succ.get(i), ((TableSwitchInsnNode) insn).dflt, ((TableSwitchInsnNode) insn).labels);
            } else if (insn instanceof LookupSwitchInsnNode) {
                addAll(code, succ.get(i), ((LookupSwitchInsnNode) insn).dflt, ((LookupSwitchInsnNode) insn).labels);
            }
            if (fallsThrough(insn) && i + 1 < n) {
                succ.get(i).add(i + 1);
            }
        }
        if (m.tryCatchBlocks != null) {
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                int handler = code.indexOf(t.handler);
                for (int i = code.indexOf(t.start); i < code.indexOf(t.end); i++) {
                    succ.get(i).add(handler);
                }
            }
        }
        return succ;
    }

    private static void addAll(InsnList code, List<Integer> to, LabelNode dflt, List<LabelNode> labels) {
        to.add(code.indexOf(dflt));
        for (LabelNode l : labels) {
            to.add(code.indexOf(l));
        }
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.GOTO: case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH:
            case Opcodes.ATHROW: case Opcodes.RET:
            case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN:
            case Opcodes.DRETURN: case Opcodes.ARETURN: case Opcodes.RETURN:
                return false;
            default:
                return true;
        }
    }
}
