package dev.weft.weave;

import static dev.weft.weave.GeneratedAsync.BOX;
import static dev.weft.weave.GeneratedAsync.TWO;
import static dev.weft.weave.GeneratedAsync.awaitF;
import static dev.weft.weave.GeneratedAsync.awaitG;
import static dev.weft.weave.GeneratedAsync.initBox;
import static dev.weft.weave.GeneratedAsync.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.weave.GeneratedAsync.Dialect;
import dev.weft.weave.samples.Uninit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Objects under construction across an await in shapes other compilers and bytecode tools emit
 * (ea-async, Kilim and offbynull/coroutines support them): copies of the uninitialised value in
 * locals, extra {@code DUP}s, {@code SWAP}/{@code DUP_X1}-interleaved copies, a constructor call
 * on each of two paths. Each shape is built with ASM, woven, run with real suspensions, and
 * compared with the same bytecode run un-woven by the JVM (awaits replaced by joins of completed
 * futures): same value, same identities.
 */
class UninitializedShapesTest {

    /** The reference result: the plain dialect run by the JVM, futures already completed. */
    private static Object reference(BiConsumer<MethodVisitor, Dialect> body, int c) throws Exception {
        byte[] plain = GeneratedAsync.build(Dialect.PLAIN, body);
        WovenLoader loader = loader();
        Method m = loader.with("GenPlain", plain).loadClass("GenPlain").getMethods()[0];
        EventLoop loop = EventLoop.create();
        try {
            Future<Object> f = loop.createFuture();
            Future<Object> g = loop.createFuture();
            f.setResult("F");
            g.setResult("G");
            return m.invoke(null, f, g, c);
        } finally {
            loop.close();
        }
    }

    /** The woven dialect, each await suspending for real until the test completes its future. */
    static Object woven(BiConsumer<MethodVisitor, Dialect> body, int c) throws Exception {
        WovenLoader loader = loader();
        WeaveResult r = new WeavePipeline(loader, true).weave(GeneratedAsync.build(Dialect.WOVEN, body));
        assertEquals(List.of(), r.messages());
        Method m = find(loader.with("GenWoven", r.bytes()).loadClass("GenWoven"));
        EventLoop loop = EventLoop.create();
        try {
            Future<Object> f = loop.createFuture();
            Future<Object> g = loop.createFuture();
            Task<?> task = loop.createTask((Coroutine<?>) m.invoke(null, f, g, c));
            loop.stop();
            loop.runForever();
            assertFalse(task.done(), "the method suspended at its first await");
            f.setResult("F");
            loop.stop();
            loop.runForever();
            loop.stop();
            loop.runForever();
            g.setResult("G");
            return loop.runUntilComplete(task);
        } finally {
            loop.close();
        }
    }

    /** A fresh loader, with its own copy of the classes whose static state the shapes log to. */
    private static WovenLoader loader() {
        WovenLoader loader = new WovenLoader(UninitializedShapesTest.class.getClassLoader());
        loader.with(Uninit.Late.class.getName(), ClassBytes.of(Uninit.Late.class));
        loader.with(Uninit.Log.class.getName(), ClassBytes.of(Uninit.Log.class));
        return loader;
    }

    private static Method find(Class<?> c) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals("m")) {
                return m;
            }
        }
        throw new AssertionError("no m in " + c);
    }

    private static void assertSameAsUnwoven(String expected, BiConsumer<MethodVisitor, Dialect> body)
            throws Exception {
        for (int c = 0; c < 2; c++) {
            Object want = reference(body, c);
            if (c == 0) {
                assertEquals(expected, String.valueOf(want), "the reference run");
            }
            try {
                assertEquals(want, woven(body, c), "c = " + c);
            } catch (InvocationTargetException e) {
                throw new AssertionError(e.getCause());
            }
        }
    }

    @Test
    void javacShape_newDupArgsInit() throws Exception {
        assertSameAsUnwoven("Box[value=F]|Box[value=F]|distinct", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            awaitF(mv, d);
            initBox(mv);
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitLdcInsn("F");
            initBox(mv);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void copyStoredInALocal_isTheConstructedObjectAfterTheAwait() throws Exception {
        assertSameAsUnwoven("Box[value=F]|Box[value=F]|same", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 3);  // a copy in a local, the other on the stack
            awaitF(mv, d);
            initBox(mv);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void copyStoredInALocal_belowAnotherValue() throws Exception {
        assertSameAsUnwoven("x|Box[value=F]|distinct", (mv, d) -> {
            mv.visitLdcInsn("x");
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 3);
            awaitF(mv, d);
            initBox(mv);                         // x, box
            mv.visitInsn(Opcodes.POP);
            mv.visitVarInsn(Opcodes.ALOAD, 3);   // x, box (from the local)
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void onlyCopyInALocal_acrossTheAwait() throws Exception {
        assertSameAsUnwoven("Box[value=F]|F|distinct", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitVarInsn(Opcodes.ASTORE, 3);  // nothing on the stack at the await
            awaitF(mv, d);
            mv.visitVarInsn(Opcodes.ASTORE, 4);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ALOAD, 4);
            initBox(mv);
            mv.visitVarInsn(Opcodes.ALOAD, 4);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void extraDups_everyCopyIsTheConstructedObject() throws Exception {
        assertSameAsUnwoven("Box[value=F]|Box[value=F]|same", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            awaitF(mv, d);
            initBox(mv);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void extraDup_aboveAValueOfTheSameType() throws Exception {
        // The value below the NEW is also an Object: a relocation that drops the wrong DUP
        // duplicates it instead, which still verifies.
        assertSameAsUnwoven("Box[value=F]|Box[value=F]|same", (mv, d) -> {
            mv.visitLdcInsn("below");
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            awaitF(mv, d);
            initBox(mv);                         // below, box, box
            pair(mv);                            // below, pair
            mv.visitInsn(Opcodes.SWAP);
            mv.visitInsn(Opcodes.POP);
            d.returnValue(mv);
        });
    }

    @Test
    void swapInterleavedCopies_keepTheirPlaces() throws Exception {
        assertSameAsUnwoven("tag|Box[value=F]|distinct", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);  // U
            mv.visitLdcInsn("tag");              // U, tag
            mv.visitInsn(Opcodes.SWAP);          // tag, U
            mv.visitInsn(Opcodes.DUP);           // tag, U, U
            awaitF(mv, d);
            initBox(mv);                         // tag, box
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void swapInterleavedCopies_copyBelowAnotherValue() throws Exception {
        assertSameAsUnwoven("Box[value=F]|tag|distinct", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);  // U
            mv.visitInsn(Opcodes.DUP);           // U, U
            mv.visitLdcInsn("tag");              // U, U, tag
            mv.visitInsn(Opcodes.SWAP);          // U, tag, U
            awaitF(mv, d);
            initBox(mv);                         // box, tag
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void dupX1_copyBelowAnotherValue() throws Exception {
        assertSameAsUnwoven("Box[value=F]|tag|distinct", (mv, d) -> {
            mv.visitLdcInsn("tag");              // tag
            mv.visitTypeInsn(Opcodes.NEW, BOX);  // tag, U
            mv.visitInsn(Opcodes.DUP_X1);        // U, tag, U
            awaitF(mv, d);
            initBox(mv);                         // box, tag
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void twoAwaitsInOneConstructor_withCopiesInALocalAndOnTheStack() throws Exception {
        assertSameAsUnwoven("Two(F, G)|Two(F, G)|same", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, TWO);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 3);
            awaitF(mv, d);
            awaitG(mv, d);
            GeneratedAsync.init(mv, TWO, "(Ljava/lang/Object;Ljava/lang/Object;)V");
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void nestedNews_innerCopyInALocal() throws Exception {
        assertSameAsUnwoven("Box[value=Box[value=F]]|Box[value=F]|distinct", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);  // U1
            mv.visitInsn(Opcodes.DUP);           // U1, U1
            mv.visitTypeInsn(Opcodes.NEW, BOX);  // U1, U1, U2
            mv.visitInsn(Opcodes.DUP);           // U1, U1, U2, U2
            mv.visitInsn(Opcodes.DUP);           // U1, U1, U2, U2, U2
            mv.visitVarInsn(Opcodes.ASTORE, 3);  // U1, U1, U2, U2
            awaitF(mv, d);
            initBox(mv);                         // U1, U1, inner
            initBox(mv);                         // outer
            mv.visitVarInsn(Opcodes.ALOAD, 3);   // outer, inner
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void constructorCalledOnEachOfTwoPaths() throws Exception {
        assertSameAsUnwoven("Box[value=F]|Box[value=F]|same", (mv, d) -> {
            Label other = new Label();
            Label join = new Label();
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 3);
            mv.visitVarInsn(Opcodes.ILOAD, 2);
            mv.visitJumpInsn(Opcodes.IFEQ, other);
            awaitF(mv, d);
            initBox(mv);
            mv.visitJumpInsn(Opcodes.GOTO, join);
            mv.visitLabel(other);
            mv.visitVarInsn(Opcodes.ALOAD, 0);   // the same value, by the other path
            d.await(mv);
            initBox(mv);
            mv.visitLabel(join);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void differentAwaitsOnTwoPathsOfTheArguments() throws Exception {
        assertSameAsUnwoven("Box[value=G]|Box[value=G]|same", (mv, d) -> {
            Label other = new Label();
            Label join = new Label();
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ILOAD, 2);
            mv.visitJumpInsn(Opcodes.IFEQ, other);
            awaitF(mv, d);
            mv.visitJumpInsn(Opcodes.GOTO, join);
            mv.visitLabel(other);
            awaitG(mv, d);
            mv.visitLabel(join);
            initBox(mv);
            pair(mv);
            d.returnValue(mv);
        });
    }

    @Test
    void newWithoutDup_constructedAndDropped() throws Exception {
        assertSameAsUnwoven("F", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);  // built for its side effects only
            awaitF(mv, d);
            initBox(mv);
            mv.visitLdcInsn("F");
            d.returnValue(mv);
        });
    }

    @Test
    void staticInitialiserOfTheConstructedClass_runsWhereTheNewStood_beforeTheAwaitedArgument() throws Exception {
        String late = "dev/weft/weave/samples/Uninit$Late";
        String log = "dev/weft/weave/samples/Uninit$Log";
        assertSameAsUnwoven("[clinit, arg F]", (mv, d) -> {
            mv.visitTypeInsn(Opcodes.NEW, late);
            mv.visitInsn(Opcodes.DUP);
            awaitF(mv, d);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, log, "arg", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            GeneratedAsync.init(mv, late, "(Ljava/lang/Object;)V");
            mv.visitInsn(Opcodes.POP);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, log, "events", "()Ljava/lang/String;", false);
            d.returnValue(mv);
        });
    }
}
