package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.internal.Abi;
import dev.weft.weave.samples.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The ABI version woven classes carry: the runtime refuses a class woven for another version
 * once, when the class initialises, naming the class, its version and the accepted ones; a
 * weaver refuses to weave again a class another ABI version wove.
 */
class AbiVersionTest {
    private static final String SAMPLE = Sample.class.getName();

    private static byte[] woven() {
        return new WeavePipeline(AbiVersionTest.class.getClassLoader(), true).weave(ClassBytes.of(Sample.class)).bytes();
    }

    /** {@code woven} as if an ABI-{@code version} weaver had written it (marker and check). */
    private static byte[] wovenWith(byte[] woven, int version) {
        ClassNode cls = ClassBytes.parse(woven);
        for (AnnotationNode a : cls.invisibleAnnotations) {
            if (a.desc.equals(RuntimeNames.WOVEN_DESC)) {
                a.values.set(1, version);
            }
        }
        MethodNode clinit = ClassBytes.method(cls, "<clinit>", "()V");
        AbstractInsnNode first = clinit.instructions.getFirst();
        while (first.getOpcode() < 0) {
            first = first.getNext();
        }
        clinit.instructions.set(first, new IntInsnNode(Opcodes.BIPUSH, version));
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cls.accept(cw);
        return cw.toByteArray();
    }

    @Test
    void wovenClass_initialisesWithTheMatchingRuntime() throws Exception {
        WovenLoader loader = new WovenLoader(getClass().getClassLoader()).with(SAMPLE, woven());
        assertEquals(SAMPLE, Class.forName(SAMPLE, true, loader).getName());
    }

    @Test
    void classWovenForANewerAbi_failsOnceAtInitialisation_namingClassVersionAndAccepted() {
        WovenLoader loader = new WovenLoader(getClass().getClassLoader()).with(SAMPLE, wovenWith(woven(), 99));
        IncompatibleClassChangeError e = assertThrows(IncompatibleClassChangeError.class,
                () -> Class.forName(SAMPLE, true, loader));
        assertEquals("class " + SAMPLE + " was woven with weft ABI version 99 (by a newer weft weaver than this "
                + "runtime), but this weft runtime accepts version " + Abi.VERSION + ": weave the class again with the weft version "
                + "of the runtime on the class path (the same version for dev.weft:weft-agent, "
                + "dev.weft:weft-maven-plugin and dev.weft:weft-runtime)", e.getMessage());
    }

    @Test
    void classWovenForAnOlderAbi_isRefusedToo() {
        WovenLoader loader = new WovenLoader(getClass().getClassLoader()).with(SAMPLE, wovenWith(woven(), 0));
        IncompatibleClassChangeError e = assertThrows(IncompatibleClassChangeError.class,
                () -> Class.forName(SAMPLE, true, loader));
        assertEquals(true, e.getMessage().contains("ABI version 0 (by an older weft weaver"), e.getMessage());
    }

    @Test
    void weaving_aClassWovenByAnotherAbiVersion_isRefusedWithOneMessageNamingIt() {
        WeaveResult r = new WeavePipeline(getClass().getClassLoader(), true).weave(wovenWith(woven(), 7));
        assertNull(r.bytes());
        assertEquals(List.of("weft: cannot weave " + SAMPLE + ": the class was already woven by a weft weaver of ABI "
                + "version 7, and this weaver writes version " + RuntimeNames.ABI_VERSION + ": a woven class cannot be woven again; recompile it "
                + "from source and weave it with the weft version of the runtime it runs with"), r.messages());
    }
}
