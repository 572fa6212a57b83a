package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.weave.samples.BadShapes;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * Shapes the weaver refuses: each gives one message naming {@code Class.method(File.java:line)}
 * of the offending code and what to change; the refused method (or marker call) is made to throw
 * that reason when it runs, and the rest of its class is woven.
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

    /**
     * Asserts one message naming the site and the reason; the class is still woven (the refused
     * method is made to throw the reason), and its woven bytes are returned.
     */
    private static byte[] assertRefused(Class<?> c, String method, int line, String reason) {
        WeaveResult r = weave(c);
        assertEquals(1, r.errors().size(), r.messages().toString());
        String site = c.getName() + "." + method + "(BadShapes.java:" + line + ")";
        String message = r.messages().get(0);
        assertTrue(message.contains(site), "names " + site + ": " + message);
        assertTrue(message.contains(reason), "says " + reason + ": " + message);
        assertNotNull(r.bytes(), "the rest of the class is woven; the refused method throws its reason");
        return r.bytes();
    }

    /** Loads the woven {@code c} in a child loader and calls its static {@code method} with nulls. */
    private static Throwable call(Class<?> c, byte[] woven, String method) throws Exception {
        WovenLoader loader = new WovenLoader(BadInputTest.class.getClassLoader());
        for (Method m : loader.with(c.getName(), woven).loadClass(c.getName()).getMethods()) {
            if (m.getName().equals(method)) {
                try {
                    m.invoke(null, new Object[m.getParameterCount()]);
                    return null;
                } catch (InvocationTargetException e) {
                    return e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    /** Asserts the refused method, called, throws an IllegalStateException carrying the weave-time reason. */
    private static void assertThrowsReason(Throwable thrown, String site, String reason) {
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown);
        assertTrue(e.getMessage().startsWith(site + " was not woven by weft: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void awaitInSynchronizedBlock_isRefusedAtTheAwait_andTheMethodThrowsTheReasonWhenCalled() throws Exception {
        int line = lineOf("class SyncBlock", "Weft.await");
        byte[] woven = assertRefused(BadShapes.SyncBlock.class, "m", line, "inside a synchronized block");
        assertThrowsReason(call(BadShapes.SyncBlock.class, woven, "m"),
                BadShapes.SyncBlock.class.getName() + ".m(BadShapes.java:" + line + ")", "inside a synchronized block");
    }

    @Test
    void awaitInLambda_leavesTheOtherAsyncMethodsWoven_andTheLambdaThrowsTheReasonAtTheAwait() throws Exception {
        WeaveResult r = weave(BadShapes.InLambda.class);
        assertEquals(1, r.errors().size(), r.messages().toString());
        assertNotNull(r.bytes(), "the class is woven");
        WovenLoader loader = new WovenLoader(getClass().getClassLoader());
        Class<?> c = loader.with(BadShapes.InLambda.class.getName(), r.bytes()).loadClass(BadShapes.InLambda.class.getName());
        EventLoop loop = EventLoop.create();
        try {
            Future<Integer> f = loop.createFuture();
            Coroutine<?> coro = (Coroutine<?>) c.getMethod("m", Future.class).invoke(null, f);
            Supplier<?> lambda = (Supplier<?>) loop.runUntilComplete(coro);
            IllegalStateException e = assertThrows(IllegalStateException.class, lambda::get);
            int line = lineOf("class InLambda", "Weft.await");
            assertTrue(e.getMessage().contains("(BadShapes.java:" + line + ") was not woven by weft: Weft.await is used in "
                    + "a lambda"), e.getMessage());
        } finally {
            loop.close();
        }
    }

    @Test
    void asyncOnAbstractAndNativeMethods_oneMessageEachNamingTheMethod_theRestIsWoven() {
        WeaveResult r = weave(BadShapes.NoBody.class);
        String prefix = "weft: cannot weave " + BadShapes.NoBody.class.getName();
        assertEquals(List.of(prefix + ".abstractOne(BadShapes.java): @Async needs a method body: put @Async on the "
                        + "implementing method, not on an abstract or native one",
                prefix + ".nativeOne(BadShapes.java): @Async needs a method body: put @Async on the "
                        + "implementing method, not on an abstract or native one"), r.messages());
        ClassNode woven = ClassBytes.parse(r.bytes());
        ClassBytes.method(woven, "fine", "(Ldev/weft/internal/Frame;)Ljava/lang/Object;");
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
        String message = r.messages().get(0);
        assertTrue(message.contains("(BadShapes.java:" + lineOf("class InLambda", "Weft.await") + ")"), message);
        assertTrue(message.contains("a lambda"), message);
    }

    @Test
    void awaitInNonAsyncMethod_isRefused_andThrowsTheReasonWhereTheAwaitStood() throws Exception {
        int line = lineOf("class NotAsync", "Weft.await");
        byte[] woven = assertRefused(BadShapes.NotAsync.class, "m", line, "which is not @Async");
        assertThrowsReason(call(BadShapes.NotAsync.class, woven, "m"),
                BadShapes.NotAsync.class.getName() + ".m(BadShapes.java:" + line + ")", "which is not @Async");
    }

    @Test
    void asyncWithUnsupportedReturnType_isRefused_andThrowsTheReasonWhenCalled() throws Exception {
        int line = lineOf("class WrongReturn", "return \"x\"");
        byte[] woven = assertRefused(BadShapes.WrongReturn.class, "m", line, "must return dev.weft.Coroutine<T>");
        assertThrowsReason(call(BadShapes.WrongReturn.class, woven, "m"),
                BadShapes.WrongReturn.class.getName() + ".m(BadShapes.java:" + line + ")", "must return");
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
