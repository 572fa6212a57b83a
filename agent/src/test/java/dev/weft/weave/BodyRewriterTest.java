package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Frames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The rewritten body of an {@code @Async} method with two awaits, one inside a try block: its
 * entry switch, its marker calls replaced, its resume code outside every try block, and its
 * local variables moved up one slot for the frame.
 */
class BodyRewriterTest {
    private static final String BODY = "(Ldev/weft/internal/Frame;)Ljava/lang/Object;";
    private static final String GUARDED = "(Ldev/weft/Future;Ldev/weft/Future;)Ldev/weft/Coroutine;";

    private static MethodNode body() {
        WeaveResult r = new WeavePipeline(BodyRewriterTest.class.getClassLoader(), true).weave(ClassBytes.of(Frames.class));
        assertEquals(List.of(), r.errors());
        return ClassBytes.method(ClassBytes.parse(r.bytes()), "guarded", BODY);
    }

    private static List<AbstractInsnNode> real(MethodNode m) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void rewrite_entrySwitchesOnStateToStartAndEachResumePoint() {
        List<AbstractInsnNode> code = real(body());
        assertEquals(Opcodes.ALOAD, code.get(0).getOpcode());
        FieldInsnNode state = (FieldInsnNode) code.get(1);
        assertEquals("state", state.name);
        TableSwitchInsnNode entry = (TableSwitchInsnNode) code.get(2);
        assertEquals(0, entry.min);
        assertEquals(2, entry.max, "state 0 starts the method; 1 and 2 resume its two awaits");
    }

    @Test
    void rewrite_markerCallsAreReplacedByFrameEntries() {
        for (AbstractInsnNode i : real(body())) {
            if (i instanceof MethodInsnNode) {
                assertFalse(((MethodInsnNode) i).owner.equals("dev/weft/Weft"),
                        "no Weft marker call is left: " + ((MethodInsnNode) i).name);
            }
        }
    }

    @Test
    void rewrite_resumeCodeLiesOutsideEveryTryBlock() {
        MethodNode body = body();
        TableSwitchInsnNode entry = (TableSwitchInsnNode) real(body).get(2);
        assertFalse(body.tryCatchBlocks.isEmpty());
        for (LabelNode resume : entry.labels.subList(1, entry.labels.size())) {
            int at = body.instructions.indexOf(resume);
            for (TryCatchBlockNode t : body.tryCatchBlocks) {
                boolean inside = at >= body.instructions.indexOf(t.start) && at < body.instructions.indexOf(t.end);
                assertFalse(inside, "a handler never sees half-restored locals");
            }
        }
    }

    @Test
    void rewrite_localVariablesKeepTheirNamesOneSlotUp() {
        MethodNode original = ClassBytes.method(ClassBytes.parse(ClassBytes.of(Frames.class)), "guarded", GUARDED);
        MethodNode body = body();
        assertFalse(original.localVariables.isEmpty(), "the sample is compiled with -g");
        for (LocalVariableNode v : original.localVariables) {
            assertTrue(body.localVariables.stream().anyMatch(w -> w.name.equals(v.name) && w.desc.equals(v.desc)
                    && w.index == v.index + 1), v.name + " at slot " + (v.index + 1));
        }
    }
}
