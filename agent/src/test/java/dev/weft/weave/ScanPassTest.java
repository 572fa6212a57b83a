package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.BadShapes;
import dev.weft.weave.samples.Frames;
import dev.weft.weave.samples.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * The scan pass: which methods are {@code @Async}, which calls suspend or complete them, and
 * which shapes are refused before any analysis, each refusal naming its site.
 */
class ScanPassTest {
    private static final String ASYNC = "Ldev/weft/annotation/Async;";
    private static final String COROUTINE = "()Ldev/weft/Coroutine;";

    private static ClassNode read(Class<?> c) {
        ClassNode n = new ClassNode();
        new ClassReader(ClassBytes.of(c)).accept(n, ClassReader.SKIP_FRAMES);
        return n;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes).accept(n, ClassReader.SKIP_FRAMES);
        return n;
    }

    /** A class {@code Gen} with one method per {@code access}/descriptor pair, annotated @Async. */
    private static byte[] generated(int access, String desc, boolean callYield) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "Gen", null, "java/lang/Object", null);
        cw.visitSource("Gen.java", null);
        MethodVisitor mv = cw.visitMethod(access, "m", desc, null, null);
        mv.visitAnnotation(ASYNC, false).visitEnd();
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
            mv.visitCode();
            Label l = new Label();
            mv.visitLabel(l);
            mv.visitLineNumber(12, l);
            if (callYield) {
                mv.visitInsn(Opcodes.ACONST_NULL);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/weft/Weft", "yield",
                        "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                mv.visitInsn(Opcodes.POP);
            }
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
        }
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The one error of the class; any error leaves the whole class unwoven. */
    private static WeaveError onlyError(byte[] bytes) {
        ScanResult r = ScanPass.scan(read(bytes));
        assertEquals(1, r.errors().size(), r.errors().toString());
        return r.errors().get(0);
    }

    @Test
    void scan_plainDonesAreThoseReturnedDirectly() {
        AsyncMethod m = ScanPass.scan(read(Frames.class)).methods().stream()
                .filter(a -> a.method().name.equals("guarded")).findFirst().orElseThrow();
        assertEquals(2, m.suspensions().size());
        assertEquals(1, m.plainDones().size());
        assertEquals(List.of(), m.otherDones());
        assertEquals(List.of(), m.tailReturns());
    }

    @Test
    void scan_classWithoutAsyncMethods_findsNothingAndRefusesNothing() {
        ScanResult r = ScanPass.scan(read(dev.weft.weave.samples.NoAsync.class));
        assertEquals(List.of(), r.methods());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void scan_abstractAsyncMethod_isRefusedNamingIt() {
        WeaveError e = onlyError(generated(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, COROUTINE, false));
        assertEquals("Gen.m(Gen.java)", e.site(), "an abstract method has no line");
        assertTrue(e.message().contains("needs a method body"), e.message());
    }

    @Test
    void scan_nativeAsyncMethod_isRefused() {
        WeaveError e = onlyError(generated(Opcodes.ACC_PUBLIC | Opcodes.ACC_NATIVE, COROUTINE, false));
        assertTrue(e.message().contains("needs a method body"), e.message());
    }

    @Test
    void scan_yieldInACoroutine_isRefusedAtTheCall() {
        WeaveError e = onlyError(generated(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, COROUTINE, true));
        assertEquals("Gen.m(Gen.java:12)", e.site());
        assertTrue(e.message().startsWith("Weft.yield cannot be used in a method returning Coroutine<T>"), e.message());
    }

    @Test
    void scan_unsupportedReturnType_namesTheTypeAndTheFix() {
        WeaveError e = onlyError(generated(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "()Ljava/util/List;", false));
        assertEquals("Gen.m(Gen.java:12)", e.site());
        assertTrue(e.message().contains("not java.util.List: change the return type to Coroutine<T>"), e.message());
    }

    @Test
    void scan_everyBadMethodOfAClass_isReportedTogether() {
        ClassNode cls = read(Sample.class);
        cls.methods.addAll(read(BadShapes.NotAsync.class).methods);
        cls.methods.addAll(read(BadShapes.WrongReturn.class).methods);
        ScanResult r = ScanPass.scan(cls);
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertEquals(4, r.methods().size(), "the good methods are still found");
    }
}
