package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Liveness: what a suspension point must save. */
class LivenessTest {

    private static MethodNode method() {
        return new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC, "m", "()I", null, null);
    }

    private static AbstractInsnNode marker(MethodNode m) {
        m.visitInsn(Opcodes.NOP); // stands for the await
        return m.instructions.getLast();
    }

    @Test
    void liveBefore_onlyLocalsReadLater_areLive() {
        MethodNode m = method();
        m.visitInsn(Opcodes.ICONST_1);
        m.visitVarInsn(Opcodes.ISTORE, 0); // dead: overwritten before any read
        m.visitInsn(Opcodes.ICONST_2);
        m.visitVarInsn(Opcodes.ISTORE, 1); // live: read after the await
        AbstractInsnNode await = marker(m);
        m.visitInsn(Opcodes.ICONST_3);
        m.visitVarInsn(Opcodes.ISTORE, 0);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitInsn(Opcodes.IRETURN);
        BitSet live = Liveness.of(m).liveBefore(await);
        assertEquals("{1}", live.toString());
    }

    @Test
    void liveBefore_inATryBlock_includesWhatTheHandlerReads() {
        MethodNode m = method();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(start, end, handler, null);
        m.visitInsn(Opcodes.ICONST_5);
        m.visitVarInsn(Opcodes.ISTORE, 2);
        m.visitLabel(start);
        AbstractInsnNode await = marker(m);
        m.visitLabel(end);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(handler);
        m.visitInsn(Opcodes.POP);
        m.visitVarInsn(Opcodes.ILOAD, 2); // only the handler reads local 2
        m.visitInsn(Opcodes.IRETURN);
        assertEquals("{2}", Liveness.of(m).liveBefore(await).toString());
    }

    @Test
    void liveBefore_inALoop_keepsWhatTheNextIterationReads() {
        MethodNode m = method();
        Label head = new Label();
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 0);
        m.visitLabel(head);
        AbstractInsnNode await = marker(m);
        m.visitIincInsn(0, 1);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFNE, head);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
        assertEquals("{0}", Liveness.of(m).liveBefore(await).toString());
    }

    @Test
    void liveBefore_aSwitch_joinsWhatEveryCaseReads() {
        MethodNode m = method();
        Label one = new Label();
        Label two = new Label();
        Label dflt = new Label();
        AbstractInsnNode await = marker(m);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitTableSwitchInsn(1, 2, dflt, one, two);
        m.visitLabel(one);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(two);
        m.visitVarInsn(Opcodes.LLOAD, 4);
        m.visitInsn(Opcodes.L2I);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(dflt);
        m.visitVarInsn(Opcodes.ILOAD, 7);
        m.visitInsn(Opcodes.IRETURN);
        assertEquals("{3, 4, 7}", Liveness.of(m).liveBefore(await).toString());
    }

    @Test
    void liveBefore_aLocalOnlyIncremented_isLive() {
        MethodNode m = method();
        AbstractInsnNode await = marker(m);
        m.visitIincInsn(2, 1); // reads and writes local 2
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
        assertEquals("{2}", Liveness.of(m).liveBefore(await).toString());
    }
}
