package dev.weft.weave;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Pass 4a: turns an {@code @Async} method's code into its resumable body
 * {@code static Object name(Frame)}.
 *
 * <p>The original code is kept instruction for instruction (so line numbers, local variable
 * names and javac's own casts after each await stay valid), with every local slot moved up by
 * one to make room for the frame in slot 0; a local's debug range ends where a resumed frame
 * would show it stale ({@link LocalRanges}). Added around it:
 * <ul>
 * <li>an entry {@code tableswitch} on {@code frame.state}: 0 restores the arguments and starts
 *     the method, k jumps to resume point k;</li>
 * <li>at each await or yield, a call to its {@code Frame} entry ({@code await},
 *     {@code yieldValue}, {@code yieldFrom}); when it answers {@code SUSPENDED}, the
 *     operand stack and locals are saved, the state set, and {@code SUSPENDED} returned — except
 *     a plain generator's {@code Weft.yield(y)}, which saves, sets the state and returns
 *     {@code y} with no call, every original {@code return} of such a generator setting the
 *     state to {@code -1} first so the end is told apart;</li>
 * <li>for each resume point, restore code placed after the method's last instruction — outside
 *     every try block, so an exception handler never sees half-restored locals — which jumps
 *     back to a call of {@code frame.resumed()} placed where the await was, inside the user's try
 *     blocks, so the awaited exception is thrown exactly where the await stands.</li>
 * </ul>
 *
 * <p>Stateless; safe on any thread.
 */
final class BodyRewriter {
    private static final int FRAME_LOCAL = 0;
    private static final int SHIFT = 1;

    private BodyRewriter() {
    }

    static MethodNode rewrite(AsyncMethod async, FrameLayout layout, String bodyName, int access) {
        MethodNode m = async.method();
        MethodNode body = new MethodNode(Opcodes.ASM9, access, bodyName, RuntimeNames.BODY_DESC, null, null);
        body.instructions = m.instructions;
        body.tryCatchBlocks = m.tryCatchBlocks;
        body.localVariables = shiftedVariables(LocalRanges.trimmed(m, layout));
        body.visibleLocalVariableAnnotations = shiftedAnnotations(m.visibleLocalVariableAnnotations);
        body.invisibleLocalVariableAnnotations = shiftedAnnotations(m.invisibleLocalVariableAnnotations);
        body.maxLocals = m.maxLocals + SHIFT;
        body.maxStack = m.maxStack + 4;
        boolean yieldsByReturn = async.kind() == MethodKind.GENERATOR;
        // A generator saves at every element: there, leave out the arguments its frame still holds.
        Set<Integer> unchanged = yieldsByReturn ? UnchangedArguments.of(layout, body.instructions) : Set.of();
        shiftLocals(body.instructions);
        List<AbstractInsnNode> finishes = yieldsByReturn ? returns(body.instructions) : List.of();
        if (yieldsByReturn) {
            body.maxLocals++; // the yielded value's slot while the frame is saved
        }
        rewriteDones(body.instructions, async);
        InsnList outOfLine = new InsnList();
        List<LabelNode> resumeTargets = new ArrayList<>();
        for (PointLayout p : layout.points()) {
            LabelNode target = new LabelNode();
            resumeTargets.add(target);
            if (p.point().tail()) {
                rewriteTail(body.instructions, p, target, outOfLine);
            } else if (yieldsByReturn && isYield((MethodInsnNode) p.point().insn())) {
                rewriteYield(body.instructions, p, async.kind(), unchanged, body.maxLocals - 1, target, outOfLine);
            } else {
                rewriteSuspension(body.instructions, p, async.kind(), target, outOfLine);
            }
        }
        if (!async.kind().tailSuspends) {
            unwrapReturns(body.instructions, async);
        }
        markFinishes(body.instructions, finishes);
        body.instructions.insert(entry(layout, async.kind().slotAccess, resumeTargets));
        body.instructions.add(outOfLine);
        return body;
    }

    private static InsnList entry(FrameLayout layout, SlotAccess access, List<LabelNode> resumeTargets) {
        InsnList out = new InsnList();
        LabelNode start = new LabelNode();
        if (!resumeTargets.isEmpty()) {
            LabelNode bad = new LabelNode();
            LabelNode[] labels = new LabelNode[resumeTargets.size() + 1];
            labels[0] = start;
            for (int i = 0; i < resumeTargets.size(); i++) {
                labels[i + 1] = resumeTargets.get(i);
            }
            out.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
            out.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeNames.FRAME, RuntimeNames.STATE, "I"));
            out.add(new TableSwitchInsnNode(0, resumeTargets.size(), bad, labels));
            out.add(bad);
            out.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.FRAME,
                    RuntimeNames.NOT_RESUMABLE, RuntimeNames.NOT_RESUMABLE_DESC, false));
            out.add(new InsnNode(Opcodes.ATHROW));
        }
        out.add(start);
        out.add(SaveRestore.restore(layout.start(), access, FRAME_LOCAL, SHIFT));
        if (layout.primsOnlyForArguments() || layout.refsOnlyForArguments()) {
            out.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
            out.add(new InsnNode(layout.primsOnlyForArguments() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            out.add(new InsnNode(layout.refsOnlyForArguments() ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.FRAME,
                    RuntimeNames.RELEASE_ARGUMENT_SLOTS, RuntimeNames.RELEASE_ARGUMENT_SLOTS_DESC, false));
        }
        return out;
    }

    private static void rewriteSuspension(InsnList code, PointLayout p, MethodKind kind,
                                          LabelNode resumeTarget, InsnList outOfLine) {
        LabelNode resumed = new LabelNode();
        LabelNode cont = new LabelNode();
        InsnList at = new InsnList();
        at.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
        String entry = kind.entryFor((MethodInsnNode) p.point().insn());
        at.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.FRAME, entry,
                RuntimeNames.AWAIT_ENTRY_DESC, false));
        at.add(new InsnNode(Opcodes.DUP));
        at.add(suspendedConstant());
        at.add(new JumpInsnNode(Opcodes.IF_ACMPNE, cont));
        at.add(new InsnNode(Opcodes.POP));
        at.add(SaveRestore.save(p, kind.slotAccess, FRAME_LOCAL, SHIFT));
        at.add(setState(p.point().label()));
        at.add(suspendedConstant());
        at.add(new InsnNode(Opcodes.ARETURN));
        at.add(resumed);
        at.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
        at.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.FRAME, RuntimeNames.RESUMED,
                RuntimeNames.RESUMED_DESC, false));
        at.add(cont);
        AbstractInsnNode call = p.point().insn();
        code.insert(call, at);
        code.remove(call);

        outOfLine.add(resumeTarget);
        outOfLine.add(new LineNumberNode(p.point().line() > 0 ? p.point().line() : 1, resumeTarget));
        outOfLine.add(SaveRestore.restore(p, kind.slotAccess, FRAME_LOCAL, SHIFT));
        outOfLine.add(new JumpInsnNode(Opcodes.GOTO, resumed));
    }

    /**
     * A plain generator's {@code Weft.yield(y)}: the body saves itself and returns {@code y}
     * itself, so a step parks nothing in the frame (no store and no clearing of a parked value,
     * no runtime call); the generator tells a yield from the end by {@code state}, which every
     * original {@code return} sets to {@link RuntimeNames#FINISHED_STATE} ({@link #markFinishes}).
     */
    private static void rewriteYield(InsnList code, PointLayout p, MethodKind kind, Set<Integer> unchanged,
                                     int valueLocal, LabelNode resumeTarget, InsnList outOfLine) {
        LabelNode resumed = new LabelNode();
        InsnList at = new InsnList();
        at.add(new VarInsnNode(Opcodes.ASTORE, valueLocal)); // the stack below it is saved first
        at.add(SaveRestore.save(p, kind.slotAccess, FRAME_LOCAL, SHIFT, unchanged));
        at.add(setState(p.point().label()));
        at.add(new VarInsnNode(Opcodes.ALOAD, valueLocal));
        at.add(new InsnNode(Opcodes.ARETURN));
        at.add(resumed);
        at.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
        at.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.FRAME, RuntimeNames.RESUMED,
                RuntimeNames.RESUMED_DESC, false));
        AbstractInsnNode call = p.point().insn();
        code.insert(call, at);
        code.remove(call);

        outOfLine.add(resumeTarget);
        outOfLine.add(new LineNumberNode(p.point().line() > 0 ? p.point().line() : 1, resumeTarget));
        outOfLine.add(SaveRestore.restore(p, kind.slotAccess, FRAME_LOCAL, SHIFT));
        outOfLine.add(new JumpInsnNode(Opcodes.GOTO, resumed));
    }

    private static boolean isYield(MethodInsnNode call) {
        return RuntimeNames.YIELD.equals(call.name);
    }

    /** The {@code ARETURN}s of {@code code}: taken before the rewrite adds its own. */
    private static List<AbstractInsnNode> returns(InsnList code) {
        List<AbstractInsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode i = code.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.ARETURN) {
                returns.add(i);
            }
        }
        return returns;
    }

    /**
     * Sets {@code state} to {@link RuntimeNames#FINISHED_STATE} right before each of a plain
     * generator's original {@code returns}: how its generator tells the body's end from a yield,
     * since both return a value.
     */
    private static void markFinishes(InsnList code, List<AbstractInsnNode> returns) {
        for (AbstractInsnNode ret : returns) {
            InsnList mark = new InsnList();
            mark.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
            mark.add(SaveRestore.intConst(RuntimeNames.FINISHED_STATE));
            mark.add(new FieldInsnNode(Opcodes.PUTFIELD, RuntimeNames.FRAME, RuntimeNames.STATE, "I"));
            code.insertBefore(ret, mark);
        }
    }

    private static void rewriteTail(InsnList code, PointLayout p, LabelNode resumeTarget, InsnList outOfLine) {
        LabelNode ret = new LabelNode();
        InsnList at = new InsnList();
        at.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
        at.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.FRAME, RuntimeNames.AWAIT_RETURN,
                RuntimeNames.AWAIT_ENTRY_DESC, false));
        at.add(new InsnNode(Opcodes.DUP));
        at.add(suspendedConstant());
        at.add(new JumpInsnNode(Opcodes.IF_ACMPNE, ret));
        at.add(setState(p.point().label()));
        at.add(ret);
        code.insertBefore(p.point().insn(), at);

        outOfLine.add(resumeTarget);
        outOfLine.add(new LineNumberNode(p.point().line() > 0 ? p.point().line() : 1, resumeTarget));
        outOfLine.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
        outOfLine.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.FRAME, RuntimeNames.RESUMED,
                RuntimeNames.RESUMED_DESC, false));
        outOfLine.add(new InsnNode(Opcodes.ARETURN));
    }

    /**
     * A generator's {@code return x;} of anything but a plain returning value: unwrap it. A
     * literal {@code return null;} needs no unwrapping, and is left as it is: the call would be
     * the one call on the generator's end path, which the JIT does not inline (it runs once per
     * generator), and a call there keeps a for-each loop from being compiled as tightly.
     */
    private static void unwrapReturns(InsnList code, AsyncMethod async) {
        for (AbstractInsnNode ret : async.tailReturns()) {
            if (ret.getPrevious() != null && ret.getPrevious().getOpcode() == Opcodes.ACONST_NULL) {
                continue; // nothing can jump between the two: the value is null
            }
            code.insertBefore(ret, new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.FRAME,
                    RuntimeNames.GENERATOR_RETURN, RuntimeNames.GENERATOR_RETURN_DESC, false));
        }
    }

    private static void rewriteDones(InsnList code, AsyncMethod async) {
        for (MethodInsnNode done : async.plainDones()) {
            if (isNoArgDone(done)) {
                code.set(done, new InsnNode(Opcodes.ACONST_NULL));
            } else {
                code.remove(done);
            }
        }
        for (MethodInsnNode done : async.otherDones()) {
            if (isNoArgDone(done)) {
                code.insertBefore(done, new InsnNode(Opcodes.ACONST_NULL));
            }
            code.set(done, new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.FRAME,
                    RuntimeNames.COMPLETED, RuntimeNames.COMPLETED_DESC, false));
        }
    }

    private static boolean isNoArgDone(MethodInsnNode done) {
        return done.desc.startsWith("()");
    }

    private static InsnList setState(int label) {
        InsnList out = new InsnList();
        out.add(new VarInsnNode(Opcodes.ALOAD, FRAME_LOCAL));
        out.add(SaveRestore.intConst(label));
        out.add(new FieldInsnNode(Opcodes.PUTFIELD, RuntimeNames.FRAME, RuntimeNames.STATE, "I"));
        return out;
    }

    private static AbstractInsnNode suspendedConstant() {
        return new FieldInsnNode(Opcodes.GETSTATIC, RuntimeNames.FRAME, RuntimeNames.SUSPENDED,
                "Ljava/lang/Object;");
    }

    private static void shiftLocals(InsnList code) {
        for (AbstractInsnNode i = code.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof VarInsnNode) {
                ((VarInsnNode) i).var += SHIFT;
            } else if (i instanceof IincInsnNode) {
                ((IincInsnNode) i).var += SHIFT;
            }
        }
    }

    private static List<LocalVariableNode> shiftedVariables(List<LocalVariableNode> vars) {
        List<LocalVariableNode> out = new ArrayList<>();
        if (vars != null) {
            for (LocalVariableNode v : vars) {
                out.add(new LocalVariableNode(v.name, v.desc, v.signature, v.start, v.end, v.index + SHIFT));
            }
        }
        return out;
    }

    private static List<LocalVariableAnnotationNode> shiftedAnnotations(List<LocalVariableAnnotationNode> list) {
        if (list == null) {
            return null;
        }
        for (LocalVariableAnnotationNode a : list) {
            a.index.replaceAll(i -> i + SHIFT);
        }
        return list;
    }
}
