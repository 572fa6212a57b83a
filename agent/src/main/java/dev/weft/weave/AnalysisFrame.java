package dev.weft.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * An analysis frame that also knows how many monitors are held (so an await inside a
 * {@code synchronized} block is caught) and that turns every copy of an object under
 * construction into an initialised value when its constructor runs, as the JVM's verifier does.
 *
 * <p>Monitor counts merge by maximum: a point reachable while holding a monitor counts as
 * holding it. Not thread-safe; one analysis at a time.
 */
final class AnalysisFrame extends Frame<BasicValue> {
    // Deliberately without an initialiser: Frame's copy constructor calls init(), which sets it.
    private int monitors;

    AnalysisFrame(int numLocals, int maxStack) {
        super(numLocals, maxStack);
    }

    AnalysisFrame(Frame<? extends BasicValue> frame) {
        super(frame);
    }

    int monitors() {
        return monitors;
    }

    @Override
    public Frame<BasicValue> init(Frame<? extends BasicValue> frame) {
        super.init(frame);
        if (frame instanceof AnalysisFrame) {
            monitors = ((AnalysisFrame) frame).monitors;
        }
        return this;
    }

    @Override
    public boolean merge(Frame<? extends BasicValue> frame, Interpreter<BasicValue> interpreter)
            throws AnalyzerException {
        boolean changed = super.merge(frame, interpreter);
        if (frame instanceof AnalysisFrame && ((AnalysisFrame) frame).monitors > monitors) {
            monitors = ((AnalysisFrame) frame).monitors;
            changed = true;
        }
        return changed;
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter)
            throws AnalyzerException {
        BasicValue constructed = receiverOfConstructor(insn);
        super.execute(insn, interpreter);
        if (insn.getOpcode() == Opcodes.MONITORENTER) {
            monitors++;
        } else if (insn.getOpcode() == Opcodes.MONITOREXIT && monitors > 0) {
            monitors--;
        }
        if (constructed != null) {
            replaceAll(constructed, interpreter.newValue(constructed.getType()));
        }
    }

    private BasicValue receiverOfConstructor(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) insn).name)) {
            return null;
        }
        int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
        BasicValue receiver = getStack(getStackSize() - args - 1);
        return receiver instanceof UninitializedValue ? receiver : null;
    }

    private void replaceAll(BasicValue from, BasicValue to) {
        for (int i = 0; i < getLocals(); i++) {
            if (from.equals(getLocal(i))) {
                setLocal(i, to);
            }
        }
        for (int i = 0; i < getStackSize(); i++) {
            if (from.equals(getStack(i))) {
                setStack(i, to);
            }
        }
    }
}
