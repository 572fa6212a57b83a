package dev.weft.weave;

import java.util.function.BiConsumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds, with ASM directly, a class whose one method {@code m(Future f, Future g, int c)} has
 * code no javac emits, in two dialects: {@link Dialect#WOVEN} (an {@code @Async} coroutine that
 * awaits with {@code Weft.await} and completes with {@code Weft.done}) and {@link Dialect#PLAIN}
 * (the same code with each await replaced by a join of an already completed future, returning
 * the value), so a test can compare the woven method, run with real suspensions, with the
 * reference result of the same bytecode run by the JVM itself.
 *
 * <p>Locals: 0 = f, 1 = g, 2 = c, 3 and up free. Stateless.
 */
final class GeneratedAsync {
    static final String FUTURE = "dev/weft/Future";
    static final String UNINIT = "dev/weft/weave/samples/Uninit";
    static final String BOX = "dev/weft/weave/samples/Frames$Box";
    static final String TWO = UNINIT + "$Two";
    static final int LINE = 7;

    private GeneratedAsync() {
    }

    /** How awaits and completion are written. */
    enum Dialect {
        WOVEN, PLAIN;

        /** Replaces the future on top of the stack with its value. */
        void await(MethodVisitor mv) {
            if (this == WOVEN) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/weft/Weft", "await",
                        "(L" + FUTURE + ";)Ljava/lang/Object;", false);
            } else {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, UNINIT, "join", "(L" + FUTURE + ";)Ljava/lang/Object;", false);
            }
        }

        /** Returns the value on top of the stack from the method. */
        void returnValue(MethodVisitor mv) {
            if (this == WOVEN) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/weft/Weft", "done",
                        "(Ljava/lang/Object;)Ldev/weft/Coroutine;", false);
            }
            mv.visitInsn(Opcodes.ARETURN);
        }

        String className() {
            return this == WOVEN ? "GenWoven" : "GenPlain";
        }
    }

    /** The class file of {@code body} in {@code dialect}. */
    static byte[] build(Dialect dialect, BiConsumer<MethodVisitor, Dialect> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, dialect.className(), null,
                "java/lang/Object", null);
        cw.visitSource(dialect.className() + ".java", null);
        String ret = dialect == Dialect.WOVEN ? "Ldev/weft/Coroutine;" : "Ljava/lang/Object;";
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m",
                "(L" + FUTURE + ";L" + FUTURE + ";I)" + ret, null, null);
        if (dialect == Dialect.WOVEN) {
            mv.visitAnnotation("Ldev/weft/annotation/Async;", true).visitEnd();
        }
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(LINE, start);
        body.accept(mv, dialect);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code Weft.await(f)} (or its reference stand-in). */
    static void awaitF(MethodVisitor mv, Dialect d) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        d.await(mv);
    }

    /** {@code Weft.await(g)} (or its reference stand-in). */
    static void awaitG(MethodVisitor mv, Dialect d) {
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        d.await(mv);
    }

    static void init(MethodVisitor mv, String owner, String desc) {
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", desc, false);
    }

    static void initBox(MethodVisitor mv) {
        init(mv, BOX, "(Ljava/lang/Object;)V");
    }

    static void pair(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, UNINIT, "pair",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/String;", false);
    }
}
