package dev.weft.weave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Pass 2: runs a typed data-flow analysis over one {@code @Async} method and takes a snapshot at
 * every suspension point: the types of the locals and of the operand stack below the awaited
 * value, keeping only the locals that are live there ({@link Liveness}). Objects under
 * construction across an await are first moved after it ({@link NewRelocation}); awaits that
 * would hold a monitor are rejected.
 *
 * <p>Stateless; safe on any thread (each call builds its own analyzer).
 */
final class AnalysePass {
    private AnalysePass() {
    }

    static List<SuspensionPoint> analyse(ClassNode owner, AsyncMethod async, ClassHierarchy hierarchy)
            throws WeaveException {
        MethodNode m = async.method();
        List<AbstractInsnNode> sites = new ArrayList<>();
        sites.addAll(async.suspensions());
        if (async.kind().tailSuspends) {
            sites.addAll(async.tailReturns());
        }
        sites.sort((a, b) -> Integer.compare(m.instructions.indexOf(a), m.instructions.indexOf(b)));
        Frame<BasicValue>[] frames = run(owner, m, hierarchy, async.site());
        Set<AbstractInsnNode> news = NewRelocation.newsLiveAt(m, frames, sites, Liveness.of(m));
        if (!news.isEmpty()) {
            NewRelocation.apply(m, frames, news);
            frames = run(owner, m, hierarchy, async.site());
        }
        Liveness liveness = Liveness.of(m);
        List<SuspensionPoint> points = new ArrayList<>();
        for (AbstractInsnNode insn : sites) {
            AnalysisFrame f = (AnalysisFrame) frames[m.instructions.indexOf(insn)];
            if (f == null) {
                continue; // unreachable code: javac keeps none, and it never runs
            }
            points.add(snapshot(owner, m, insn, f, liveness.liveBefore(insn), points.size() + 1));
        }
        return List.copyOf(points);
    }

    @SuppressWarnings("unchecked")
    private static Frame<BasicValue>[] run(ClassNode owner, MethodNode m, ClassHierarchy hierarchy,
                                           String site) throws WeaveException {
        List<Type> interfaces = new ArrayList<>();
        for (String itf : owner.interfaces) {
            interfaces.add(Type.getObjectType(itf));
        }
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        Type superType = owner.superName == null ? null : Type.getObjectType(owner.superName);
        TypedInterpreter interpreter = new TypedInterpreter(hierarchy, Type.getObjectType(owner.name),
                superType, interfaces, isInterface);
        Analyzer<BasicValue> analyzer = new Analyzer<>(interpreter) {
            @Override
            protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new AnalysisFrame(numLocals, numStack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new AnalysisFrame(frame);
            }
        };
        try {
            return analyzer.analyze(owner.name, m);
        } catch (AnalyzerException e) {
            throw new WeaveException(new WeaveError(site, "cannot analyse the method's bytecode ("
                    + e.getMessage() + "); please report this with the class file"));
        }
    }

    private static SuspensionPoint snapshot(ClassNode owner, MethodNode m, AbstractInsnNode insn,
                                            AnalysisFrame f, BitSet live, int label) throws WeaveException {
        String site = Sites.of(owner, m, insn);
        if (f.monitors() > 0) {
            throw new WeaveException(new WeaveError(site, "Weft.await inside a synchronized block: "
                    + "a monitor cannot be held across a suspension; use dev.weft.sync.Lock instead"));
        }
        boolean tail = insn instanceof InsnNode;
        Type[] locals = new Type[f.getLocals()];
        for (int i = 0; i < locals.length; i++) {
            // Only live locals are saved: a dead one may hold a large object the method is done with.
            locals[i] = live.get(i) ? typeOf(f.getLocal(i), site) : null;
        }
        List<Type> stack = new ArrayList<>();
        int below = f.getStackSize() - 1; // the awaited value itself is not saved
        for (int i = 0; i < below; i++) {
            BasicValue v = f.getStack(i);
            if (v instanceof UninitializedValue) {
                throw new WeaveException(new WeaveError(site, "Weft.await inside the arguments of "
                        + "'new " + v.getType().getClassName() + "(...)' in a bytecode shape the weaver "
                        + "cannot move the allocation out of: assign the awaited value to a local variable "
                        + "first, and please report this with the class file"));
            }
            stack.add(typeOf(v, site));
        }
        if (insn instanceof MethodInsnNode && stack.contains(null)) {
            throw new WeaveException(new WeaveError(site, "unexpected operand stack " + stack));
        }
        return new SuspensionPoint(label, insn, tail, Arrays.asList(locals), List.copyOf(stackOrEmpty(tail, stack)),
                Sites.lineOf(insn));
    }

    private static List<Type> stackOrEmpty(boolean tail, List<Type> stack) {
        return tail ? List.of() : stack;
    }

    /** The saved type of a value, or null for a value that needs no saving. */
    private static Type typeOf(BasicValue v, String site) throws WeaveException {
        if (v == null || v == BasicValue.UNINITIALIZED_VALUE || v.getType() == null) {
            return null;
        }
        if (v instanceof UninitializedValue) {
            throw new WeaveException(new WeaveError(site, "an object under construction is held "
                    + "in a local variable across Weft.await in a shape the weaver cannot move the "
                    + "allocation out of; construct it after the await, and please report this with the "
                    + "class file"));
        }
        if (v == BasicValue.RETURNADDRESS_VALUE) {
            throw new WeaveException(new WeaveError(site, "a subroutine return address (JSR/RET) "
                    + "is live across Weft.await; recompile the class with a modern javac"));
        }
        return v.getType();
    }
}
