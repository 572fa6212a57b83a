package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.EagerShapes;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Weaving of eager {@code @Async} methods, those returning {@code CompletableFuture} or
 * {@code CompletionStage}: the factory starts the body, {@code completedFuture(v)} returned
 * straight away is stripped, anything else is ordinary code, and the other kinds' markers are
 * refused with a message that says how an eager method completes.
 */
class EagerWeaveTest {
    private static final String CF = "java/util/concurrent/CompletableFuture";

    private static WeaveResult weave(Class<?> c) {
        return new WeavePipeline(EagerWeaveTest.class.getClassLoader(), true).weave(ClassBytes.of(c));
    }

    private static List<MethodInsnNode> calls(MethodNode m) {
        return StreamSupport.stream(m.instructions.spliterator(), false)
                .filter(i -> i instanceof MethodInsnNode).map(i -> (MethodInsnNode) i)
                .collect(Collectors.toList());
    }

    @Test
    void factory_returnsEagerStartOfTheFrame() {
        WeaveResult r = weave(EagerShapes.Fine.class);
        assertEquals(List.of(), r.errors());
        ClassNode woven = ClassBytes.parse(r.bytes());
        MethodNode factory = ClassBytes.method(woven, "returnsCompleted",
                "(Ldev/weft/Future;)Ljava/util/concurrent/CompletableFuture;");
        List<MethodInsnNode> calls = calls(factory);
        MethodInsnNode last = calls.get(calls.size() - 1);
        assertEquals("dev/weft/internal/EagerStart", last.owner);
        assertEquals("start", last.name);
        assertEquals(Opcodes.ARETURN, last.getNext().getOpcode());
    }

    @Test
    void returnedCompletedFuture_isStripped_otherUsesKept() {
        ClassNode woven = ClassBytes.parse(weave(EagerShapes.Fine.class).bytes());
        MethodNode body = ClassBytes.method(woven, "returnsCompleted", RuntimeNames.BODY_DESC);
        assertTrue(calls(body).stream().noneMatch(c -> c.owner.equals(CF)), "completedFuture stripped");
        MethodNode stage = ClassBytes.method(woven, "returnsStage", RuntimeNames.BODY_DESC);
        assertTrue(calls(stage).stream().noneMatch(c -> c.owner.equals(CF)), "completedStage stripped");
        MethodNode other = ClassBytes.method(woven, "returnsOther", RuntimeNames.BODY_DESC);
        assertTrue(calls(other).stream().anyMatch(c -> c.owner.equals(CF) && c.name.equals("completedFuture")),
                "a completed future kept in a variable is ordinary code");
        assertTrue(calls(other).stream().anyMatch(c -> c.name.equals("awaitReturn")),
                "a returned stage is awaited");
    }

    @Test
    void completedFutureInGenerator_isOrdinaryCode() {
        WeaveResult r = weave(EagerShapes.GeneratorWithCompleted.class);
        assertEquals(List.of(), r.errors());
        assertNotNull(r.bytes());
    }

    @Test
    void weftDoneInEagerMethod_isRefusedSayingHowItCompletes() {
        WeaveResult r = weave(EagerShapes.DoneInEager.class);
        assertNotNull(r.bytes(), "the class is woven, its refused method made to throw the reason");
        String m = r.messages().get(0);
        assertTrue(m.contains(EagerShapes.DoneInEager.class.getName() + ".m(EagerShapes.java:"), m);
        assertTrue(m.contains("Weft.done cannot be used in a method returning CompletableFuture<T>"), m);
        assertTrue(m.contains("return CompletableFuture.completedFuture(v)"), m);
    }

    @Test
    void yieldInEagerMethod_isRefused() {
        WeaveResult r = weave(EagerShapes.YieldInEager.class);
        assertNotNull(r.bytes(), "the class is woven, its refused method made to throw the reason");
        assertTrue(r.messages().get(0).contains("Weft.yield cannot be used in a method returning "
                + "CompletableFuture<T>"), r.messages().toString());
    }
}
