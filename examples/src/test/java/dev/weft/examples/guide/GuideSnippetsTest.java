package dev.weft.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.guide.GuideDocs.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The guide's code is code that builds and runs: each {@code <!-- snippet: PATH -->} block is a
 * verbatim run of lines of {@code PATH} (a source file compiled, woven and run by this build, or
 * an integration test's {@code pom.xml}), and each {@code <!-- output: CLASS -->} block is what
 * {@code CLASS.main} prints, run here ({@code CLASS#METHOD}: what the static method
 * {@code METHOD()} prints). See {@link GuideDocs} for the markers.
 */
class GuideSnippetsTest {
    private static final Pattern PARENT_VERSION =
            Pattern.compile("<artifactId>weft-parent</artifactId>\\s*<version>([^<]+)</version>");

    @TestFactory
    Stream<DynamicTest> snippet_isAVerbatimRunOfItsSourceFile() {
        String version = projectVersion();
        return GuideDocs.blocks().stream().filter(b -> b.kind().equals("snippet"))
                .map(b -> DynamicTest.dynamicTest(b.where() + " " + b.target(), () -> checkSnippet(b, version)));
    }

    @TestFactory
    Stream<DynamicTest> output_isWhatItsProgramPrints() {
        return GuideDocs.blocks().stream().filter(b -> b.kind().equals("output"))
                .map(b -> DynamicTest.dynamicTest(b.where() + " " + b.target(), () -> checkOutput(b)));
    }

    @Test
    void output_followsTheSnippetOfItsProgram() {
        for (Block out : GuideDocs.blocks()) {
            if (out.kind().equals("output")) {
                String source = out.target().replaceFirst("#.*", "").replace('.', '/') + ".java";
                assertTrue(GuideDocs.blocks().stream().anyMatch(s -> s.kind().equals("snippet")
                        && s.page().equals(out.page()) && s.line() < out.line() && s.target().endsWith(source)),
                        out.where() + ": the output of " + out.target() + " is shown after a snippet of it");
            }
        }
    }

    @Test
    void readme_showsTheDemoATlsEchoAndALoopGroupServer() {
        List<String> shown = GuideDocs.blocks().stream()
                .filter(b -> b.page().equals("README.md") && b.kind().equals("output"))
                .map(Block::target).toList();
        assertEquals("dev.weft.examples.ChainCoroutines", shown.isEmpty() ? null : shown.get(0),
                "the README opens with the demo that its first set-up command runs");
        assertTrue(shown.containsAll(List.of("dev.weft.examples.guide.TlsEcho", "dev.weft.examples.guide.GroupEcho")),
                "the README runs a TLS echo and a LoopGroup server: " + shown);
    }

    @Test
    void markers_areFound() {
        assertTrue(GuideDocs.blocks().size() >= 8, "the guide's marked blocks: " + GuideDocs.blocks());
    }

    private static void checkSnippet(Block block, String version) throws IOException {
        Path file = GuideDocs.ROOT.resolve(block.target());
        assertTrue(Files.isRegularFile(file), block.where() + ": " + block.target() + " exists");
        assertFalse(block.lines().isEmpty(), block.where() + ": the snippet is empty");
        List<String> source = Files.readAllLines(file).stream()
                .map(l -> l.replace("@project.version@", version)).toList();
        assertTrue(GuideDocs.indexOf(source, block.lines()) >= 0, block.where()
                + ": the snippet is not a verbatim run of lines of " + block.target()
                + " (copy it again from there):\n" + String.join("\n", block.lines()));
    }

    private static void checkOutput(Block block) throws Throwable {
        String printed = run(block.target());
        assertEquals(String.join("\n", block.lines()), printed.stripTrailing().replace("\r\n", "\n"),
                block.where() + ": what " + block.target() + " prints");
    }

    /**
     * Runs {@code target} and answers what it printed: {@code CLASS} runs {@code CLASS.main} with
     * no arguments, {@code CLASS#METHOD} the static method {@code METHOD()}.
     */
    static String run(String target) throws Throwable {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int hash = target.indexOf('#');
            if (hash < 0) {
                Class.forName(target).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } else {
                Method m = Class.forName(target.substring(0, hash)).getDeclaredMethod(target.substring(hash + 1));
                m.setAccessible(true);
                m.invoke(null);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** This build's version, from the parent pom, which the guide's snippets name. */
    private static String projectVersion() {
        try {
            Matcher m = PARENT_VERSION.matcher(Files.readString(GuideDocs.ROOT.resolve("pom.xml")));
            assertTrue(m.find(), "the root pom names its version");
            return m.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
