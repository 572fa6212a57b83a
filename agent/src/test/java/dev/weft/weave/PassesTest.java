package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Sample;
import dev.weft.weave.samples.Shapes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;

/** The scan, analyse (with NEW/DUP relocation) and verify passes, each on its own. */
class PassesTest {

    private static ClassNode read(Class<?> c) {
        ClassNode n = new ClassNode();
        new ClassReader(ClassBytes.of(c)).accept(n, ClassReader.SKIP_FRAMES);
        return n;
    }

    private static AsyncMethod async(ClassNode cls, String name) {
        return ScanPass.scan(cls).methods().stream().filter(m -> m.method().name.equals(name)).findFirst()
                .orElseThrow();
    }

    private static ClassHierarchy hierarchy(ClassNode cls) {
        ClassHierarchy h = new ClassHierarchy(PassesTest.class.getClassLoader());
        h.define(cls.name, cls.superName, cls.interfaces.toArray(new String[0]), false);
        return h;
    }

    @Test
    void scan_findsKindsSuspensionsPlainDonesAndTailReturns() {
        ScanResult r = ScanPass.scan(read(Sample.class));
        assertTrue(r.errors().isEmpty());
        AsyncMethod total = r.methods().stream().filter(m -> m.method().name.equals("total")).findFirst().orElseThrow();
        assertEquals(MethodKind.COROUTINE, total.kind());
        assertEquals(2, total.suspensions().size());
        assertEquals(1, total.plainDones().size());
        assertTrue(total.tailReturns().isEmpty());
        AsyncMethod delegate = r.methods().stream().filter(m -> m.method().name.equals("delegate")).findFirst().orElseThrow();
        assertEquals(1, delegate.tailReturns().size(), "return total(f, f) delegates");
        AsyncMethod count = r.methods().stream().filter(m -> m.method().name.equals("count")).findFirst().orElseThrow();
        assertEquals(MethodKind.GENERATOR, count.kind());
        assertEquals(4, r.methods().size(), "plain methods are not @Async");
    }

    @Test
    void analyse_snapshotsTheStackBelowTheAwaitedValueAndOnlyLiveLocals() throws WeaveException {
        ClassNode cls = read(Shapes.class);
        List<SuspensionPoint> points = AnalysePass.analyse(cls, async(cls, "stackBelow"), hierarchy(cls));
        assertEquals(1, points.size());
        SuspensionPoint p = points.get(0);
        assertFalse(p.stack().isEmpty(), "the concatenation's earlier operands are on the stack");
        assertTrue(p.locals().get(0) == null, "the future is dead after it is awaited");
        assertTrue(p.locals().stream().noneMatch(t -> t != null && t.equals(Type.LONG_TYPE)),
                "n is dead too: it was consumed before the await");
    }

    @Test
    void analyse_newWithAwaitedArguments_isRelocatedSoNothingUninitialisedIsSaved() throws WeaveException {
        ClassNode cls = read(Shapes.class);
        AsyncMethod m = async(cls, "pairOfAwaits");
        List<SuspensionPoint> points = AnalysePass.analyse(cls, m, hierarchy(cls));
        assertEquals(2, points.size());
        AbstractInsnNode first = m.method().instructions.getFirst();
        while (first != null && first.getOpcode() != Opcodes.NEW) {
            first = first.getNext();
        }
        int newAt = m.method().instructions.indexOf(first);
        int secondAwait = m.method().instructions.indexOf(points.get(1).insn());
        assertTrue(newAt > secondAwait, "NEW now follows both awaits");
    }

    @Test
    void analyse_tailReturnIsASuspensionPointThatSavesNothing() throws WeaveException {
        ClassNode cls = read(Shapes.class);
        List<SuspensionPoint> points = AnalysePass.analyse(cls, async(cls, "tail"), hierarchy(cls));
        assertEquals(1, points.size());
        assertTrue(points.get(0).tail());
        assertTrue(points.get(0).insn() instanceof InsnNode);
        assertTrue(points.get(0).stack().isEmpty());
    }

    @Test
    void verify_rejectsBrokenBytecode_andAcceptsTheWeaversOutput() throws WeaveException {
        ClassHierarchy h = new ClassHierarchy(null);
        byte[] woven = new WeavePipeline(getClass().getClassLoader(), false).weave(ClassBytes.of(Sample.class)).bytes();
        VerifyPass.verify(woven, new ClassHierarchy(getClass().getClassLoader()), "Sample");

        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Broken", null, "java/lang/Object", null);
        var mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL); // a reference where an int is returned
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        cw.visitEnd();
        WeaveException e = assertThrows(WeaveException.class, () -> VerifyPass.verify(cw.toByteArray(), h, "Broken"));
        assertTrue(e.getMessage().contains("failed verification"), e.getMessage());
    }

    @Test
    void methodKind_fromDescriptor() {
        assertEquals(MethodKind.COROUTINE, MethodKind.of("()Ldev/weft/Coroutine;"));
        assertEquals(MethodKind.GENERATOR, MethodKind.of("(I)Ldev/weft/Generator;"));
        assertEquals(MethodKind.ASYNC_GENERATOR, MethodKind.of("()Ldev/weft/AsyncGenerator;"));
        assertEquals(null, MethodKind.of("()Ljava/lang/String;"));
    }
}
