package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.maven.samples.Bad;
import dev.weft.maven.samples.Good;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals run in-process on a hand-made project (the invoker ITs run them in real builds):
 * their parameters, their one-line report and their failure listing every message.
 */
class WeaveMojoTest {
    @TempDir
    Path target;
    private Path classes;
    private final List<String> log = new ArrayList<>();

    /** Keeps what the goal logs, one "LEVEL message" entry per line. */
    private final class RecordingLog extends SystemStreamLog {
        @Override
        public void debug(CharSequence content) {
            log.add("DEBUG " + content);
        }

        @Override
        public void info(CharSequence content) {
            log.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            log.add("WARN " + content);
        }

        @Override
        public void error(CharSequence content) {
            log.add("ERROR " + content);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        classes = Files.createDirectories(target.resolve("classes"));
    }

    private WeaveMojo mojo() throws URISyntaxException {
        MavenProject project = new MavenProject();
        project.getBuild().setDirectory(target.toString());
        project.getBuild().setOutputDirectory(classes.toString());
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true);
        Artifact runtime = new DefaultArtifact("dev.weft", "weft-runtime", "1", Artifact.SCOPE_COMPILE, "jar", null, jar);
        runtime.setFile(Path.of(dev.weft.Weft.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile());
        project.setArtifacts(Set.of(runtime));
        WeaveMojo mojo = new WeaveMojo();
        mojo.project = project;
        mojo.classesDirectory = classes.toFile();
        mojo.failOnError = true;
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    private Path copy(Class<?> c) throws IOException {
        Path file = classes.resolve(c.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void execute_goodClasses_weavesThemAndLogsOneLine() throws Exception {
        Path good = copy(Good.class);
        byte[] compiled = Files.readAllBytes(good);

        mojo().execute();

        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("INFO weft: 1 class scanned, 1 woven, 0 errors in "), log.get(0));
        assertFalse(java.util.Arrays.equals(compiled, Files.readAllBytes(good)));
        assertTrue(Files.isRegularFile(target.resolve("weft/classes.stamp")));
    }

    @Test
    void execute_again_readsNothing() throws Exception {
        copy(Good.class);
        mojo().execute();
        log.clear();

        mojo().execute();

        assertTrue(log.get(0).contains("0 classes scanned, 0 woven, 0 errors"), log.toString());
    }

    @Test
    void execute_badShape_failsListingEveryMessageAndWeavesTheRest() throws Exception {
        copy(Good.class);
        Path bad = copy(Bad.class);
        byte[] compiled = Files.readAllBytes(bad);

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());

        String site = Bad.class.getName() + ".held(Bad.java:";
        assertTrue(e.getMessage().contains("weft: cannot weave " + site), e.getMessage());
        assertTrue(e.getMessage().contains("use dev.weft.sync.Lock instead"), e.getMessage());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ERROR weft: cannot weave " + site)), log.toString());
        // One refused method leaves only itself unwoven: Bad is woven with held() throwing the reason
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ERROR weft: 2 classes scanned, 2 woven, 1 error")),
                log.toString());
        assertFalse(Arrays.equals(compiled, Files.readAllBytes(bad)), "rewritten");
        assertTrue(new String(Files.readAllBytes(bad), StandardCharsets.ISO_8859_1).contains("was not woven by weft"),
                "the refused method carries its reason");
    }

    @Test
    void execute_failOnErrorFalse_warnsAndGoesOn() throws Exception {
        copy(Bad.class);
        WeaveMojo mojo = mojo();
        mojo.failOnError = false;

        mojo.execute();

        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN weft: cannot weave " + Bad.class.getName())),
                log.toString());
        assertFalse(log.stream().anyMatch(l -> l.startsWith("ERROR")), log.toString());
    }

    @Test
    void execute_skip_weavesNothing() throws Exception {
        Path good = copy(Good.class);
        byte[] compiled = Files.readAllBytes(good);
        WeaveMojo mojo = mojo();
        mojo.skip = true;

        mojo.execute();

        assertEquals(List.of("INFO weft: weaving skipped (weft.skip)"), log);
        assertArrayEquals(compiled, Files.readAllBytes(good));
    }

    @Test
    void execute_verbose_namesTheClassPathAndEachWovenClass() throws Exception {
        copy(Good.class);
        WeaveMojo mojo = mojo();
        mojo.verbose = true;

        mojo.execute();

        assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO weft: weaving " + classes + " against [")), log.toString());
        assertTrue(log.contains("INFO weft: woven " + Good.class.getName()), log.toString());
    }

    @Test
    void execute_noClassesDirectory_doesNothing() throws Exception {
        WeaveMojo mojo = mojo();
        mojo.classesDirectory = target.resolve("absent").toFile();
        mojo.execute();
        assertEquals(List.of("DEBUG weft: no classes to weave in " + target.resolve("absent")), log);
    }

    @Test
    void execute_unopenableJarOnTheClassPath_warnsByNameAndWeaves() throws Exception {
        copy(Good.class);
        Path broken = Files.writeString(target.resolve("broken.jar"), "not a zip");
        WeaveMojo mojo = mojo();
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true);
        Artifact bad = new DefaultArtifact("x", "broken", "1", Artifact.SCOPE_COMPILE, "jar", null, jar);
        bad.setFile(broken.toFile());
        Set<Artifact> artifacts = new java.util.LinkedHashSet<>(mojo.project.getArtifacts());
        artifacts.add(bad);
        mojo.project.setArtifacts(artifacts);

        mojo.execute();

        assertTrue(log.get(0).startsWith("WARN weft: cannot open class path entry " + broken), log.toString());
        assertTrue(log.get(1).startsWith("INFO weft: 1 class scanned, 1 woven, 0 errors"), log.toString());
    }
}
