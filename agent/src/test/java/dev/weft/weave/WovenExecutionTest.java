package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.internal.Frame;
import dev.weft.weave.samples.Frames;
import dev.weft.weave.samples.Merges;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Woven sample classes run in-process (defined from the woven bytes by a child loader): the
 * frame holds exactly the live references while suspended, and clears each one it restores; and
 * classes whose merges the weaver computed load only when the woven code first uses them.
 */
class WovenExecutionTest {
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void close() {
        loop.close();
    }

    private static Class<?> woven(WovenLoader loader, Class<?> sample) throws ClassNotFoundException {
        WeaveResult r = new WeavePipeline(loader, true).weave(ClassBytes.of(sample));
        assertEquals(List.of(), r.errors());
        return loader.with(sample.getName(), r.bytes()).loadClass(sample.getName());
    }

    /** Runs exactly one loop iteration. */
    private void step() {
        loop.stop();
        loop.runForever();
    }

    private static Object[] savedReferences(Object frame) throws ReflectiveOperationException {
        // Frame keeps its slot arrays in one field: reference slots are an Object[], whose last
        // element is the long[] of primitive slots when the frame has both kinds.
        Field slots = Frame.class.getDeclaredField("slots");
        slots.setAccessible(true);
        Object saved = slots.get(frame);
        if (!(saved instanceof Object[])) {
            return new Object[0];
        }
        Object[] refs = (Object[]) saved;
        int n = refs.length > 0 && refs[refs.length - 1] instanceof long[] ? refs.length - 1 : refs.length;
        return Arrays.copyOf(refs, n);
    }

    @Test
    void suspendedFrame_holdsLiveReferences_andClearsEachOneItRestores() throws Exception {
        Class<?> frames = woven(new WovenLoader(getClass().getClassLoader()), Frames.class);
        Object big = frames.getField("BIG").get(null);
        Method m = frames.getMethod("holdThenDrop", Future.class, Future.class);
        Future<String> a = loop.createFuture();
        Future<String> b = loop.createFuture();
        Coroutine<?> coro = (Coroutine<?>) m.invoke(null, a, b);
        Task<?> task = loop.createTask(coro);
        step();
        assertTrue(Arrays.asList(savedReferences(coro)).contains(big), "big is live at the first await");
        assertTrue(Arrays.asList(savedReferences(coro)).contains(b), "so is the second future");
        a.setResult("xy");
        step();
        step();
        assertEquals(List.of(), Arrays.stream(savedReferences(coro)).filter(Objects::nonNull).toList(),
                "at the second await nothing is live: every restored reference was cleared");
        b.setResult("abc");
        assertEquals(2 + 1 + 3, loop.runUntilComplete(task));
    }

    @Test
    void wovenMerges_loadTheirApplicationClassesOnlyWhenRun() throws Exception {
        WovenLoader loader = new WovenLoader(getClass().getClassLoader());
        for (Class<?> c : Merges.class.getDeclaredClasses()) {
            loader.with(c.getName(), ClassBytes.of(c));
        }
        Class<?> merges = woven(loader, Merges.class);
        assertEquals(List.of(Merges.class.getName()), loader.found(), "weaving loaded no application class");
        Future<String> f = loop.createFuture();
        f.setResult(">");
        Coroutine<?> coro = (Coroutine<?>) merges.getMethod("catches", boolean.class, Future.class).invoke(null, true, f);
        assertEquals(">NotFound", loop.runUntilComplete(coro));
        assertTrue(loader.found().contains(Merges.NotFound.class.getName()), "running the code loads it");
        assertSame(loader, merges.getClassLoader());
    }
}
