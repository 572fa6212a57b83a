package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The agent's pre-filter reads only the constant pool. */
class ConstantPoolScanTest {

    private static byte[] bytes(String className) throws IOException {
        try (InputStream in = ConstantPoolScanTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void mentionsWeft_classWithAsyncMethods_isTrue() throws IOException {
        assertTrue(ConstantPoolScan.mentionsWeft(bytes("dev.weft.weave.samples.Sample")));
    }

    @Test
    void mentionsWeft_classWithoutWeft_isFalse() throws IOException {
        assertFalse(ConstantPoolScan.mentionsWeft(bytes("dev.weft.weave.samples.NoAsync")));
        assertFalse(ConstantPoolScan.mentionsWeft(bytes("java.lang.String")));
    }

    @Test
    void mentionsWeft_notAClassFile_isFalse() {
        assertFalse(ConstantPoolScan.mentionsWeft(new byte[] {1, 2, 3}));
        assertFalse(ConstantPoolScan.mentionsWeft(null));
    }

    @Test
    void mentionsWeft_truncatedInsideTheConstantPool_isTrueSoTheWeaverReportsIt() throws IOException {
        byte[] whole = bytes("dev.weft.weave.samples.NoAsync");
        for (int cut = 10; cut < 60; cut++) {
            assertTrue(ConstantPoolScan.mentionsWeft(java.util.Arrays.copyOf(whole, cut)), "cut at " + cut);
        }
    }
}
