package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Frames;
import dev.weft.weave.samples.Merges;
import dev.weft.weave.samples.NoAsync;
import dev.weft.weave.samples.Sample;
import dev.weft.weave.samples.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** The whole pipeline on compiled sample classes: output, idempotency, debug tables, class loading. */
class WeavePipelineTest {
    private static final String BODY = "(Ldev/weft/internal/Frame;)Ljava/lang/Object;";

    @Test
    void weave_sampleClass_producesVerifiedClassWithFactoriesAndBodies() {
        WeaveResult r = new WeavePipeline(getClass().getClassLoader(), true).weave(ClassBytes.of(Sample.class));
        assertTrue(r.errors().isEmpty(), r.messages().toString());
        assertNotNull(r.bytes());
        ClassNode cls = ClassBytes.parse(r.bytes());
        for (String name : List.of("total", "merge", "delegate", "count")) {
            ClassBytes.method(cls, name, BODY); // each @Async method got its body, under its own name
        }
        assertNotNull(ClassBytes.method(cls, "plain", "(I)I"), "plain methods stay");
    }

    @Test
    void weave_wovenClass_isLeftUnchanged() {
        WeavePipeline pipeline = new WeavePipeline(getClass().getClassLoader(), true);
        byte[] once = pipeline.weave(ClassBytes.of(Sample.class)).bytes();
        WeaveResult twice = pipeline.weave(once);
        assertNull(twice.bytes(), "weaving is idempotent");
        assertTrue(twice.errors().isEmpty());
    }

    @Test
    void weave_classWithoutAsync_isLeftUnchanged() {
        WeaveResult r = new WeavePipeline(null, true).weave(ClassBytes.of(NoAsync.class));
        assertFalse(r.changed());
        assertTrue(r.errors().isEmpty());
    }

    @Test
    void weave_keepsLineNumbersAndLocalVariableNamesInTheBody() {
        ClassNode original = ClassBytes.parse(ClassBytes.of(Sample.class));
        MethodNode source = ClassBytes.method(original, "total",
                "(Ldev/weft/Future;Ldev/weft/Future;)Ldev/weft/Coroutine;");
        ClassNode woven = ClassBytes.parse(new WeavePipeline(null, true).weave(ClassBytes.of(Sample.class)).bytes());
        MethodNode body = ClassBytes.method(woven, "total", BODY);
        assertTrue(lines(body).containsAll(lines(source)), "every source line is kept: " + lines(body));
        for (LocalVariableNode v : source.localVariables) {
            assertTrue(body.localVariables.stream().anyMatch(w -> w.name.equals(v.name) && w.index == v.index + 1),
                    "local " + v.name + " is kept, one slot up (the frame takes slot 0)");
        }
    }

    @Test
    void weave_mergesOfApplicationTypes_areComputedWithoutLoadingThem() {
        List<String> loaded = new ArrayList<>();
        ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                loaded.add(name);
                return super.loadClass(name, resolve);
            }
        };
        WeaveResult r = new WeavePipeline(recording, true).weave(ClassBytes.of(Sample.class));
        assertTrue(r.errors().isEmpty(), r.messages().toString());
        assertEquals(List.of(), loaded, "the weaver reads class files as bytes and never loads a class");
    }

    private static final List<Class<?>> SAMPLES = List.of(Sample.class, Shapes.class, Frames.class, Merges.class);

    @Test
    void weave_everySample_twice_changesNothingTheSecondTime() {
        WeavePipeline pipeline = new WeavePipeline(getClass().getClassLoader(), true);
        for (Class<?> c : SAMPLES) {
            WeaveResult once = pipeline.weave(ClassBytes.of(c));
            assertTrue(once.changed(), c + ": " + once.messages());
            WeaveResult twice = pipeline.weave(once.bytes());
            assertNull(twice.bytes(), c + " is woven once only");
            assertEquals(List.of(), twice.errors());
        }
    }

    @Test
    void weave_everyAsyncMethodOfEverySample_keepsItsLinesAndLocalsInItsBody() {
        for (Class<?> c : SAMPLES) {
            ClassNode original = ClassBytes.parse(ClassBytes.of(c));
            ClassNode woven = ClassBytes.parse(new WeavePipeline(null, true).weave(ClassBytes.of(c)).bytes());
            for (MethodNode source : original.methods) {
                if (!ScanPass.isAsync(source)) {
                    continue;
                }
                MethodNode body = ClassBytes.method(woven, source.name, BODY);
                assertTrue(lines(body).containsAll(lines(source)), c.getSimpleName() + "." + source.name);
                for (LocalVariableNode v : source.localVariables) {
                    assertTrue(body.localVariables.stream().anyMatch(w -> w.name.equals(v.name)
                            && w.desc.equals(v.desc) && w.index == v.index + 1), source.name + ": " + v.name);
                }
            }
        }
    }

    private static Set<Integer> lines(MethodNode m) {
        List<Integer> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LineNumberNode) {
                out.add(((LineNumberNode) i).line);
            }
        }
        return out.stream().collect(Collectors.toSet());
    }
}
