package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.samples.Greeter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weaver's class path: jars and directories read as resources, bad entries named once. */
class WeaveClassPathTest {
    @TempDir
    Path dir;

    @Test
    void open_goodJarAndDirectory_serveClassFilesAndTheJdk() throws IOException {
        Path jar = dir.resolve("good.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("a/B.class"));
            j.write(new byte[] {1});
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ClassDirs.copy(classes, Greeter.class);
        try (WeaveClassPath cp = WeaveClassPath.open(List.of(jar, classes))) {
            assertEquals(List.of(), cp.warnings());
            assertNotNull(cp.loader().getResource("a/B.class"));
            assertNotNull(cp.loader().getResource("dev/weft/agent/samples/Greeter.class"));
            assertNotNull(cp.loader().getResource("java/sql/Connection.class"), "JDK modules beyond java.base");
        }
    }

    @Test
    void open_jarThatCannotBeOpened_isLeftOutWithOneWarningNamingIt() throws IOException {
        Path bad = Files.write(dir.resolve("bad.jar"), new byte[] {'P', 'K', 3, 4, 0});
        try (WeaveClassPath cp = WeaveClassPath.open(List.of(bad, dir.resolve("missing.jar")))) {
            assertEquals(1, cp.warnings().size(), cp.warnings().toString());
            assertTrue(cp.warnings().get(0).startsWith("weft: cannot open class path entry " + bad + " ("),
                    cp.warnings().get(0));
        }
    }
}
