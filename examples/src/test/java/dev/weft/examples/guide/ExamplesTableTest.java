package dev.weft.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/examples.md}'s table names every example program (each class of
 * {@code examples/src/main/java} with a {@code main} method, by the name {@code Main} runs it
 * under: {@code dir/Name}, or the bare name for {@code net/}) and nothing else.
 */
class ExamplesTableTest {
    private static final Path SOURCES = GuideDocs.ROOT.resolve("examples/src/main/java/dev/weft/examples");
    private static final Pattern ROW = Pattern.compile("^\\| `([\\w/]+)` \\|");

    @Test
    void table_namesEveryExampleProgram() throws IOException {
        Set<String> programs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (Files.readString(file).contains("public static void main(String[] args)")
                        && !file.getFileName().toString().equals("Main.java")) {
                    programs.add(nameOf(SOURCES.relativize(file)));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (String line : GuideDocs.read("docs/examples.md")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                listed.add(m.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(programs);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(programs);
        assertEquals(Set.of(), missing, "docs/examples.md lacks rows for these example programs");
        assertEquals(Set.of(), extra, "docs/examples.md lists programs that do not exist");
    }

    /** {@code dir/Name.java} as {@code Main} names it. */
    private static String nameOf(Path relative) {
        String name = relative.toString().replace('\\', '/').replaceFirst("\\.java$", "");
        return name.startsWith("net/") ? name.substring("net/".length()) : name;
    }
}
