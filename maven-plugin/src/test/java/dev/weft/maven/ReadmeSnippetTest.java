package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven snippets are what the sample integration test builds with, line for line,
 * so "copy the snippet into a new project" is what {@code mvn verify} checks.
 */
class ReadmeSnippetTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SAMPLE_POM = Path.of("src", "it", "sample", "pom.xml");
    private static final String VERSION = System.getProperty("weft.version");

    /** The lines of the fenced block that follows the marker {@code <!-- weft-snippet:NAME}. */
    private static List<String> snippet(String name) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int i = 0;
        while (!lines.get(i).startsWith("<!-- weft-snippet:" + name + " ")) {
            i++;
        }
        assertEquals("```xml", lines.get(i + 1), "the marker is followed by the xml block");
        List<String> block = new ArrayList<>();
        for (i += 2; !lines.get(i).equals("```"); i++) {
            block.add(lines.get(i).strip());
        }
        return block;
    }

    /** The sample's pom as the invoker plugin hands it to Maven (versions filtered in), stripped. */
    private static List<String> samplePom() throws IOException {
        return Files.readAllLines(SAMPLE_POM).stream()
                .map(l -> l.replace("@project.version@", VERSION).strip()).toList();
    }

    private static void assertSampleUses(String name) throws IOException {
        List<String> block = snippet(name);
        assertTrue(block.size() > 3, name + ": " + block);
        assertTrue(Collections.indexOfSubList(samplePom(), block) >= 0,
                "src/it/sample/pom.xml holds the README's " + name + " snippet verbatim:\n" + String.join("\n", block));
    }

    @Test
    void sampleProject_usesTheReadmeDependencySnippet() throws IOException {
        assertSampleUses("dependency");
    }

    @Test
    void sampleProject_usesTheReadmePluginSnippet() throws IOException {
        assertSampleUses("plugin");
    }

    @Test
    void readmeSnippets_nameThisVersion() throws IOException {
        assertTrue(VERSION != null && !VERSION.isEmpty());
        for (String name : List.of("dependency", "plugin")) {
            assertTrue(snippet(name).contains("<version>" + VERSION + "</version>"), name);
        }
    }
}
