package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Frames;
import dev.weft.weave.samples.Merges;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The verify pass: it accepts every class the weaver writes (checking types from class files,
 * with interface-typed values where the JVM accepts them) and rejects broken structure and
 * broken types with a message naming the method.
 */
class VerifyPassTest {

    private static byte[] classWith(String desc, Consumer<MethodVisitor> code) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Broken", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", desc, null, null);
        mv.visitCode();
        code.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void verify_wovenSamplesWithMergedAndInterfaceTypes_pass() throws WeaveException {
        ClassHierarchy h = new ClassHierarchy(getClass().getClassLoader());
        for (Class<?> c : new Class<?>[] {Merges.class, Frames.class}) {
            byte[] woven = new WeavePipeline(getClass().getClassLoader(), false).weave(ClassBytes.of(c)).bytes();
            VerifyPass.verify(woven, h, c.getName());
        }
    }

    @Test
    void verify_invalidStructure_isReportedAsAWeaverBug() {
        byte[] bad = classWith("()V", mv -> {
            mv.visitVarInsn(Opcodes.ALOAD, 0); // a static ()V method has no local 0
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
        });
        WeaveException e = assertThrows(WeaveException.class,
                () -> VerifyPass.verify(bad, new ClassHierarchy(null), "Broken"));
        assertTrue(e.error().message().startsWith("woven bytecode failed verification in m()V"), e.error().message());
        assertTrue(e.error().message().contains("please report this weaver bug"), e.error().message());
    }

    @Test
    void verify_wrongTypeForAMethodArgument_isRejected() {
        byte[] bad = classWith("()V", mv -> {
            mv.visitLdcInsn("text"); // a String where an Integer is expected
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Integer", "intValue", "()I", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
        });
        WeaveException e = assertThrows(WeaveException.class,
                () -> VerifyPass.verify(bad, new ClassHierarchy(null), "Broken"));
        assertTrue(e.error().message().contains("m()V"), e.error().message());
    }
}
