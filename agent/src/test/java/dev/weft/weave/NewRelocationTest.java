package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Frames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * NEW/DUP relocation: objects under construction across an await are allocated after it, in
 * javac's shape; other shapes are refused with a message instead of being mis-woven.
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
        assertEquals(List.of(), points.get(0).stack(), "nothing under construction is left below the await");
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

    /** {@code static Coroutine m(Future f)} whose code {@code body} writes, as {@code @Async}. */
    private static ClassNode generated(java.util.function.Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Gen", null, "java/lang/Object", null);
        cw.visitSource("Gen.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(Ldev/weft/Future;)Ldev/weft/Coroutine;", null, null);
        mv.visitAnnotation("Ldev/weft/annotation/Async;", false).visitEnd();
        mv.visitCode();
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(7, l);
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return read(cw.toByteArray());
    }

    private static void awaitF(MethodVisitor mv) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/weft/Weft", "await",
                "(Ldev/weft/Future;)Ljava/lang/Object;", false);
    }

    @Test
    void relocate_newWithoutDup_isRefusedAsNotJavacsShape() {
        ClassNode cls = generated(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX); // constructed and dropped: no DUP
            awaitF(mv);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BOX, "<init>", "(Ljava/lang/Object;)V", false);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ARETURN);
        });
        WeaveException e = assertThrows(WeaveException.class, () -> analyse(cls, "m"));
        assertEquals("Gen.m(Gen.java:7)", e.error().site());
        assertTrue(e.error().message().contains("'new dev.weft.weave.samples.Frames$Box(...)' in a bytecode shape "
                + "other than javac's"), e.error().message());
    }

    @Test
    void analyse_objectUnderConstructionInALocalAcrossAnAwait_isRefused() {
        ClassNode cls = generated(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            awaitF(mv);
            mv.visitVarInsn(Opcodes.ASTORE, 2);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BOX, "<init>", "(Ljava/lang/Object;)V", false);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ARETURN);
        });
        WeaveException e = assertThrows(WeaveException.class, () -> analyse(cls, "m"));
        assertTrue(e.error().message().contains("an object under construction is held in a local variable"),
                e.error().message());
    }
}
