package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.BadShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Shapes the weaver refuses: each gives one message naming {@code Class.method(File.java:line)}
 * of the offending code and what to change, and the class is left unchanged.
 */
class BadInputTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/weft/weave/samples/BadShapes.java");

    private static WeaveResult weave(Class<?> c) {
        return new WeavePipeline(BadInputTest.class.getClassLoader(), true).weave(ClassBytes.of(c));
    }

    /** The 1-based line of the first source line containing {@code text} after {@code after}. */
    private static int lineOf(String after, String text) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int start = 0;
        while (!lines.get(start).contains(after)) {
            start++;
        }
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not found after " + after);
    }

    private static void assertRefused(Class<?> c, String method, int line, String reason) {
        WeaveResult r = weave(c);
        assertNull(r.bytes(), "the class is left unchanged");
        assertEquals(1, r.errors().size(), r.messages().toString());
        String site = c.getName() + "." + method + "(BadShapes.java:" + line + ")";
        String message = r.messages().get(0);
        assertTrue(message.contains(site), "names " + site + ": " + message);
        assertTrue(message.contains(reason), "says " + reason + ": " + message);
    }

    @Test
    void awaitInSynchronizedBlock_isRefusedAtTheAwait() throws IOException {
        assertRefused(BadShapes.SyncBlock.class, "m", lineOf("class SyncBlock", "Weft.await"),
                "inside a synchronized block");
    }

    @Test
    void synchronizedAsyncMethod_isRefused() throws IOException {
        assertRefused(BadShapes.SyncMethod.class, "m", lineOf("class SyncMethod", "Weft.await"),
                "cannot be synchronized");
    }

    @Test
    void awaitInConstructor_isRefused() throws IOException {
        assertRefused(BadShapes.InConstructor.class, "<init>", lineOf("class InConstructor", "Weft.await"),
                "a constructor");
    }

    @Test
    void awaitInStaticInitialiser_isRefused() throws IOException {
        assertRefused(BadShapes.InStaticInit.class, "<clinit>", lineOf("class InStaticInit", "Weft.await"),
                "a static initialiser");
    }

    @Test
    void awaitInLambda_isRefused() throws IOException {
        WeaveResult r = weave(BadShapes.InLambda.class);
        assertNull(r.bytes());
        String message = r.messages().get(0);
        assertTrue(message.contains("(BadShapes.java:" + lineOf("class InLambda", "Weft.await") + ")"), message);
        assertTrue(message.contains("a lambda"), message);
    }

    @Test
    void awaitInNonAsyncMethod_isRefused() throws IOException {
        assertRefused(BadShapes.NotAsync.class, "m", lineOf("class NotAsync", "Weft.await"), "which is not @Async");
    }

    @Test
    void asyncWithUnsupportedReturnType_isRefused() throws IOException {
        assertRefused(BadShapes.WrongReturn.class, "m", lineOf("class WrongReturn", "return \"x\""),
                "must return dev.weft.Coroutine<T>");
    }

    @Test
    void classFileBeforeJava8WithSubroutines_isRefusedClearly() {
        WeaveResult r = new WeavePipeline(null, true).weave(java5ClassWithJsr());
        assertNull(r.bytes());
        assertTrue(r.messages().get(0).contains("Old.m(Old.java:3)"), r.messages().toString());
        assertTrue(r.messages().get(0).contains("before Java 8"), r.messages().toString());
    }

    @Test
    void classFileBeforeJava8WithoutSubroutines_isRefusedAndLeftUnchanged() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_7, Opcodes.ACC_PUBLIC, "Seven", null, "java/lang/Object", null);
        cw.visitSource("Seven.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()Ldev/weft/Coroutine;", null, null);
        mv.visitAnnotation("Ldev/weft/annotation/Async;", false).visitEnd();
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(9, start);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        WeaveResult r = new WeavePipeline(null, true).weave(cw.toByteArray());
        assertNull(r.bytes());
        assertEquals(List.of("weft: cannot weave Seven.run(Seven.java:9): the class file is version 51 (before "
                + "Java 8), which has no invokedynamic for woven bodies; recompile with --release 8 or newer"),
                r.messages());
    }

    /** A Java 5 class whose @Async method uses a JSR/RET subroutine, as old javac emitted for finally. */
    private static byte[] java5ClassWithJsr() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "Old", null, "java/lang/Object", null);
        cw.visitSource("Old.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m",
                "()Ldev/weft/Coroutine;", null, null);
        mv.visitAnnotation("Ldev/weft/annotation/Async;", true).visitEnd();
        mv.visitCode();
        Label start = new Label();
        Label sub = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(3, start);
        mv.visitJumpInsn(Opcodes.JSR, sub);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(sub);
        mv.visitVarInsn(Opcodes.ASTORE, 0);
        mv.visitVarInsn(Opcodes.RET, 0);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
