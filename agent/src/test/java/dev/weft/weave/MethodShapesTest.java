package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.weave.samples.Bridges;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Method shapes beyond javac's plain methods: bridge methods that carry a copied {@code @Async},
 * and a method that only outgrows the JVM's 64 KiB code limit once woven.
 */
class MethodShapesTest {
    private static final String BODY = "(Ldev/weft/internal/Frame;)Ljava/lang/Object;";

    /** Runs the coroutine {@code call} makes on a fresh loop, completing its future only after it suspended. */
    private static Object runSuspending(java.util.function.Function<Future<String>, Object> call) {
        EventLoop loop = EventLoop.create();
        try {
            Future<String> f = loop.createFuture();
            Task<?> task = loop.createTask((Coroutine<?>) call.apply(f));
            loop.stop();
            loop.runForever();
            assertTrue(!task.done(), "suspended");
            f.setResult("F");
            return loop.runUntilComplete(task);
        } finally {
            loop.close();
        }
    }

    @Test
    void bridgesCarryingAsync_areNotWoven_andReachTheWovenMethod() throws Exception {
        String impl = Bridges.Impl.class.getName();
        WeaveResult r = new WeavePipeline(getClass().getClassLoader(), true).weave(ClassBytes.of(Bridges.Impl.class));
        assertEquals(List.of(), r.messages(), "a covariant bridge make(Future)Object is not refused for its return type");
        ClassNode woven = ClassBytes.parse(r.bytes());
        long bodies = woven.methods.stream().filter(m -> m.desc.equals(BODY)).count();
        assertEquals(2, bodies, "one body per @Async method, none for the bridges");
        for (MethodNode m : woven.methods) {
            if ((m.access & Opcodes.ACC_BRIDGE) != 0) {
                assertTrue(callsOnly(m, "get", "make"), m.name + m.desc + " still just calls the method it bridges to");
            }
        }
        Class<?> c = new WovenLoader(getClass().getClassLoader()).with(impl, r.bytes()).loadClass(impl);
        Object target = c.getConstructor().newInstance();
        Method getBridge = c.getMethod("get", Object.class, Future.class);
        assertTrue(getBridge.isBridge());
        assertEquals("seedF", runSuspending(f -> invoke(getBridge, target, "seed", f)));
        Method make = null;
        for (Method m : c.getMethods()) {
            if (m.getName().equals("make") && m.isBridge()) {
                make = m;
            }
        }
        assertNotNull(make, "javac wrote a bridge for the covariant return");
        Method bridge = make;
        assertEquals("made F", runSuspending(f -> invoke(bridge, target, f)));
    }

    private static boolean callsOnly(MethodNode m, String... names) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode && !List.of(names).contains(((MethodInsnNode) i).name)) {
                return false;
            }
        }
        return true;
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A class with {@code small(Future)} and {@code big(Future)}: big keeps {@code locals} ints
     * live across each of {@code awaits} awaits — a few KiB of bytecode that weaving multiplies,
     * since each await saves and restores every live value.
     */
    private static byte[] bigAndSmall(int locals, int awaits) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "GenBig", null, "java/lang/Object", null);
        cw.visitSource("GenBig.java", null);
        for (String name : List.of("small", "big")) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name,
                    "(Ldev/weft/Future;)Ldev/weft/Coroutine;", null, null);
            mv.visitAnnotation("Ldev/weft/annotation/Async;", true).visitEnd();
            mv.visitCode();
            Label start = new Label();
            mv.visitLabel(start);
            mv.visitLineNumber(name.equals("big") ? 20 : 10, start);
            int n = name.equals("big") ? locals : 1;
            for (int i = 0; i < n; i++) {
                mv.visitLdcInsn(i);
                mv.visitVarInsn(Opcodes.ISTORE, 1 + i);
            }
            for (int a = 0; a < (name.equals("big") ? awaits : 1); a++) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/weft/Weft", "await",
                        "(Ldev/weft/Future;)Ljava/lang/Object;", false);
                mv.visitInsn(Opcodes.POP);
            }
            mv.visitInsn(Opcodes.ICONST_0);
            for (int i = 0; i < n; i++) {
                mv.visitVarInsn(Opcodes.ILOAD, 1 + i);
                mv.visitInsn(Opcodes.IADD);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/weft/Weft", "done",
                    "(Ljava/lang/Object;)Ldev/weft/Coroutine;", false);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void methodTooLargeOnceWoven_isRefusedNamingMethodAndLimit_theRestOfTheClassIsWoven() throws Exception {
        byte[] original = bigAndSmall(300, 30);
        assertTrue(original.length < 20_000, "the original fits easily: " + original.length);
        WeaveResult r = new WeavePipeline(getClass().getClassLoader(), true).weave(original);
        assertEquals(1, r.messages().size(), r.messages().toString());
        String message = r.messages().get(0);
        assertTrue(message.startsWith("weft: cannot weave GenBig.big(GenBig.java:20): woven, this method's code would be "),
                message);
        assertTrue(message.contains("over the JVM's limit of 65535 bytes per method"), message);
        assertTrue(message.contains("split the method"), message);
        ClassNode woven = ClassBytes.parse(r.bytes());
        ClassBytes.method(woven, "small", BODY);
        Class<?> c = new WovenLoader(getClass().getClassLoader()).with("GenBig", r.bytes()).loadClass("GenBig");
        assertEquals(0, runSuspending(f -> invoke(find(c, "small"), null, f)));
        InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> find(c, "big").invoke(null, (Object) null));
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().startsWith("GenBig.big(GenBig.java:20) was not woven by weft: woven, this "
                + "method's code would be"), cause.getMessage());
    }

    private static Method find(Class<?> c, String name) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }
}
