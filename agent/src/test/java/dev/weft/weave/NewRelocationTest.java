package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Frames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * NEW/DUP relocation on javac's output: objects under construction across an await are allocated
 * after it. Other shapes are run end to end in {@link UninitializedShapesTest}.
 */
class NewRelocationTest {
    private static final String BOX = "dev/weft/weave/samples/Frames$Box";

    private static ClassNode read(byte[] bytes) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes).accept(n, ClassReader.SKIP_FRAMES);
        return n;
    }

    private static List<SuspensionPoint> analyse(ClassNode cls, String method) throws WeaveException {
        AsyncMethod m = ScanPass.scan(cls).methods().stream().filter(a -> a.method().name.equals(method))
                .findFirst().orElseThrow();
        return AnalysePass.analyse(cls, m, new ClassHierarchy(NewRelocationTest.class.getClassLoader()));
    }

    @Test
    void relocate_nestedNews_bothFollowTheAwaitInJavacShape() throws WeaveException {
        ClassNode cls = read(ClassBytes.of(Frames.class));
        List<SuspensionPoint> points = analyse(cls, "nestedNew");
        assertTrue(points.get(0).stack().stream().allMatch(t -> t.getDescriptor().equals("Lnull;")),
                "only placeholders (known nulls, saved for free) are left below the await: " + points.get(0).stack());
        List<String> after = new ArrayList<>();
        for (AbstractInsnNode i = points.get(0).insn().getNext(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.NEW || i.getOpcode() == Opcodes.DUP) {
                after.add(i.getOpcode() == Opcodes.NEW ? "NEW" : "DUP");
            } else if (i instanceof MethodInsnNode && ((MethodInsnNode) i).name.equals("<init>")) {
                after.add("init");
            }
        }
        assertEquals(List.of("NEW", "DUP", "init", "NEW", "DUP", "init"), after,
                "inner box built first, then the outer one around it");
    }
}
