package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.BadShapes;
import dev.weft.weave.samples.Frames;
import dev.weft.weave.samples.Merges;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * The analyse pass: the snapshot at each suspension point holds the merged verifier types of
 * the live locals (computed from class files, never by loading classes) and the operand stack
 * below the awaited value; dead locals are absent.
 */
class AnalysePassTest {
    /** The first local after {@code (boolean flag, Future f)} of the {@link Merges} methods. */
    private static final int MERGED_LOCAL = 2;

    private static ClassNode read(Class<?> c) {
        ClassNode n = new ClassNode();
        new ClassReader(ClassBytes.of(c)).accept(n, ClassReader.SKIP_FRAMES);
        return n;
    }

    private static List<SuspensionPoint> analyse(Class<?> c, String method, ClassLoader loader)
            throws WeaveException {
        ClassNode cls = read(c);
        AsyncMethod m = ScanPass.scan(cls).methods().stream().filter(a -> a.method().name.equals(method))
                .findFirst().orElseThrow();
        ClassHierarchy h = new ClassHierarchy(loader);
        h.define(cls.name, cls.superName, cls.interfaces.toArray(new String[0]), false);
        return AnalysePass.analyse(cls, m, h);
    }

    private static Type mergedLocal(String method, ClassLoader loader) throws WeaveException {
        return analyse(Merges.class, method, loader).get(0).locals().get(MERGED_LOCAL);
    }

    @Test
    void analyse_integerOrFloat_mergesToNumber() throws WeaveException {
        assertEquals(Type.getType(Number.class), mergedLocal("numbers", getClass().getClassLoader()));
    }

    @Test
    void analyse_twoApplicationClasses_mergeToTheirCommonSuperclass() throws WeaveException {
        assertEquals(Type.getType(Merges.Base.class), mergedLocal("classes", getClass().getClassLoader()));
    }

    @Test
    void analyse_classesSharingOnlyAnInterface_mergeToObject_asTheJvmVerifierDoes() throws WeaveException {
        assertEquals(Type.getType(Object.class), mergedLocal("interfaces", getClass().getClassLoader()));
    }

    @Test
    void analyse_multiCatchOfApplicationExceptions_mergesToTheirCommonSuperclass() throws WeaveException {
        assertEquals(Type.getType(Merges.AppError.class), mergedLocal("catches", getClass().getClassLoader()));
    }

    @Test
    void analyse_merges_neverLoadAClass() throws WeaveException {
        WovenLoader loader = new WovenLoader(getClass().getClassLoader());
        for (Class<?> c : Merges.class.getDeclaredClasses()) {
            loader.with(c.getName(), ClassBytes.of(c)); // served by the loader itself if it were asked
        }
        for (String method : List.of("numbers", "classes", "interfaces", "catches")) {
            mergedLocal(method, loader);
        }
        assertEquals(List.of(), loader.found(), "the weaver reads class files as resources only");
    }

    @Test
    void analyse_stackBelowAnAwaitedArgument_holdsTheEarlierArgumentsTypes() throws WeaveException {
        SuspensionPoint p = analyse(Frames.class, "argumentsBelow", null).get(0);
        assertEquals(List.of(Type.INT_TYPE, Type.DOUBLE_TYPE), p.stack(), "1 and 2.0 are below await(f); 'c' comes after");
    }

    @Test
    void analyse_localDeadAfterItsLastUse_isAbsentFromLaterPoints() throws WeaveException {
        List<SuspensionPoint> points = analyse(Frames.class, "holdThenDrop", null);
        assertEquals(2, points.size());
        int big = 2; // slots: a, b, big, s, n, t
        assertEquals(Type.getType(Object.class), points.get(0).locals().get(big), "big is read after the first await");
        assertNull(points.get(0).locals().get(0), "future a is consumed by the first await");
        assertEquals(Type.getType(dev.weft.Future.class), points.get(0).locals().get(1), "future b is awaited later");
        assertNull(points.get(1).locals().get(big), "big is dead at the second await");
        assertNull(points.get(1).locals().get(1), "so is b, consumed by it");
        assertEquals(Type.INT_TYPE, points.get(1).locals().get(4), "n is read after the second await");
    }

    @Test
    void analyse_awaitHoldingAMonitor_isRejectedAtTheAwait() {
        ClassNode cls = read(BadShapes.SyncBlock.class);
        AsyncMethod m = ScanPass.scan(cls).methods().get(0);
        WeaveException e = assertThrows(WeaveException.class,
                () -> AnalysePass.analyse(cls, m, new ClassHierarchy(null)));
        assertTrue(e.error().site().startsWith(BadShapes.SyncBlock.class.getName() + ".m(BadShapes.java:"),
                e.error().site());
        assertTrue(e.error().message().contains("inside a synchronized block"), e.error().message());
    }
}
