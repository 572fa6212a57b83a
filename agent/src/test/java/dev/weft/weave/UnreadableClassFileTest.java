package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.samples.Sample;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * Bytes that are not a readable class file never make {@link WeavePipeline#weave} throw: the
 * result has no class name and one message naming the source and what to do.
 */
class UnreadableClassFileTest {
    private final WeavePipeline pipeline = new WeavePipeline(UnreadableClassFileTest.class.getClassLoader(), true);

    private void assertUnreadable(byte[] bytes, String says) {
        WeaveResult r = pipeline.weave(bytes, "x/Y.class");
        assertNull(r.className());
        assertNull(r.bytes());
        assertEquals(1, r.messages().size(), r.messages().toString());
        String m = r.messages().get(0);
        assertTrue(m.startsWith("weft: cannot read x/Y.class: "), m);
        assertTrue(m.contains(says), m);
    }

    @Test
    void weave_everyTruncationOfAnAsyncClass_isReportedNotThrown() {
        byte[] whole = ClassBytes.of(Sample.class);
        for (int cut = 10; cut < whole.length; cut++) {
            assertUnreadable(Arrays.copyOf(whole, cut), "truncated or corrupt");
        }
    }

    @Test
    void weave_tooShortOrWrongMagic_isNotAClassFile() {
        assertUnreadable(new byte[0], "not a class file");
        assertUnreadable(Arrays.copyOf(ClassBytes.of(Sample.class), 9), "not a class file");
        byte[] wrong = ClassBytes.of(Sample.class);
        wrong[0] = 0;
        assertUnreadable(wrong, "not a class file");
        assertUnreadable(null, "not a class file");
    }

    @Test
    void weave_classFileNewerThanAsmReads_namesBothVersions() {
        byte[] newer = ClassBytes.of(Sample.class);
        int major = 0x7FF0;
        newer[6] = (byte) (major >> 8);
        newer[7] = (byte) major;
        assertUnreadable(newer, "the class file is version " + major + " (Java " + (major - 44)
                + "), newer than this weaver reads (up to version ");
    }

    @Test
    void weave_newestVersionAsmReads_isNotRefusedAsNewer() {
        byte[] current = ClassBytes.of(Sample.class);
        int newest = Opcodes.V17 & 0xFFFF; // a version we compile to: must stay readable
        current[7] = (byte) newest;
        assertTrue(pipeline.weave(current, "x/Y.class").changed());
    }

    @Test
    void weave_withoutASource_saysAClassFile() {
        WeaveResult r = pipeline.weave(new byte[] {1, 2, 3});
        assertEquals("weft: cannot read a class file: not a class file (it does not start with 0xCAFEBABE); "
                + "delete it or rebuild it", r.messages().get(0));
    }
}
