package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.weave.WeavePipeline;
import dev.weft.weave.WeaveResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class of this test module, as javac wrote it, through the weaver with the verify pass
 * on: nothing fails verification or hits an internal error (refusals of bad input are expected
 * and fine), and weaving a woven class again changes nothing. The agent that runs these tests
 * verifies too ({@code weft.verify} defaults to true); this sweep also covers classes no test
 * happens to load.
 */
class WovenClassesSweepTest {

    private static Path testClasses() {
        try {
            return Path.of(WovenClassesSweepTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(testClasses())) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void weave_everyTestClass_verifiesAndIsIdempotent() throws IOException {
        WeavePipeline pipeline = new WeavePipeline(getClass().getClassLoader(), true);
        List<String> bugs = new ArrayList<>();
        int woven = 0;
        for (Path file : classFiles()) {
            WeaveResult once = pipeline.weave(read(file));
            for (String m : once.messages()) {
                if (m.contains("failed verification") || m.contains("internal weaver error")) {
                    bugs.add(m);
                }
            }
            if (once.changed()) {
                woven++;
                WeaveResult twice = pipeline.weave(once.bytes());
                assertNull(twice.bytes(), "weaving " + once.className() + " again changes nothing");
                assertEquals(List.of(), twice.errors());
            }
        }
        assertEquals(List.of(), bugs, "weaver bugs");
        assertTrue(woven >= 20, "the sweep found the woven suites: " + woven);
    }
}
