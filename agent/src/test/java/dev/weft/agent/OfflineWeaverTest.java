package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.samples.Greeter;
import dev.weft.agent.samples.Locked;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline weaver command: {@code weave [--classpath CP] DIR...}, its output and exit codes. */
class OfflineWeaverTest {
    @TempDir
    Path dir;

    /** One run of the command: its exit status and what it printed. */
    private record Outcome(int status, String out, String err) {
    }

    /** The weft runtime (and, through its location, nothing else): what woven code needs. */
    private static final String RUNTIME = ClassDirs.location(dev.weft.Weft.class).toString();

    /** Runs {@code weave --classpath RUNTIME ARGS...}. */
    private static Outcome weave(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "weave";
        all[1] = "--classpath";
        all[2] = RUNTIME;
        System.arraycopy(args, 0, all, 3, args.length);
        return run(all);
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OfflineWeaver.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String runGreeter(Path classes) throws Exception {
        try (URLClassLoader loader = ClassDirs.childFirst(classes)) {
            Class<?> c = loader.loadClass(Greeter.class.getName());
            return (String) c.getMethod("run", String.class).invoke(null, "weft");
        }
    }

    @Test
    void weave_asyncClass_isWovenInPlaceAndRunsWithoutTheAgent() throws Exception {
        assertThrows(IllegalStateException.class, () -> Greeter.run("weft"), "un-woven, it cannot run");
        ClassDirs.copy(dir, Greeter.class);
        byte[] compiled = Files.readAllBytes(ClassDirs.file(dir, Greeter.class));

        Outcome o = weave(dir.toString());

        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
        assertTrue(o.out().startsWith("weft: 1 class scanned, 1 woven, 0 errors in "), o.out());
        assertFalse(Arrays.equals(compiled, Files.readAllBytes(ClassDirs.file(dir, Greeter.class))));
        assertEquals("hello weft", runGreeter(dir));
    }

    @Test
    void weave_twice_secondRunWeavesNothingAndTheClassStillRuns() throws Exception {
        ClassDirs.copy(dir, Greeter.class);
        assertEquals(0, weave(dir.toString()).status());
        byte[] once = Files.readAllBytes(ClassDirs.file(dir, Greeter.class));

        Outcome again = weave("--verbose", dir.toString());

        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("1 class scanned, 0 woven, 0 errors"), again.out());
        assertArrayEquals(once, Files.readAllBytes(ClassDirs.file(dir, Greeter.class)), "woven once only");
        assertEquals("hello weft", runGreeter(dir));
    }

    @Test
    void weave_verbose_namesEachWovenClass() throws IOException {
        ClassDirs.copy(dir, Greeter.class, Locked.class);
        Outcome o = weave("--verbose", dir.toString());
        assertTrue(o.out().contains("weft: woven " + Greeter.class.getName() + System.lineSeparator()), o.out());
        // Locked's one method is refused: it is rewritten to throw the reason, and named as an error
        assertTrue(o.err().contains("weft: cannot weave " + Locked.class.getName() + ".held("), o.err());
    }

    @Test
    void weave_awaitInSynchronized_exitsOneNamingTheSiteAndStillWeavesTheRest() throws Exception {
        ClassDirs.copy(dir, Greeter.class, Locked.class);
        byte[] compiled = Files.readAllBytes(ClassDirs.file(dir, Locked.class));

        Outcome o = weave(dir.toString());

        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("weft: cannot weave " + Locked.class.getName() + ".held(Locked.java:"), o.err());
        assertTrue(o.err().contains("synchronized"), o.err());
        // One refused method leaves only itself unwoven: it now throws its weave-time reason
        assertTrue(o.out().contains("2 classes scanned, 2 woven, 1 error in"), o.out());
        String rewritten = new String(Files.readAllBytes(ClassDirs.file(dir, Locked.class)), StandardCharsets.ISO_8859_1);
        assertFalse(Arrays.equals(compiled, Files.readAllBytes(ClassDirs.file(dir, Locked.class))), "rewritten");
        assertTrue(rewritten.contains("was not woven by weft"), "the refused method carries its reason");
        assertEquals("hello weft", runGreeter(dir));
    }

    @Test
    void weave_truncatedClassFiles_areReportedByNameAndTheRestIsWoven() throws Exception {
        ClassDirs.copy(dir, Greeter.class);
        byte[] whole = Files.readAllBytes(ClassDirs.file(dir, Greeter.class));
        int[] cuts = {9, 40, whole.length / 2, whole.length - 1};
        for (int cut : cuts) {
            Files.write(dir.resolve("Cut" + cut + ".class"), Arrays.copyOf(whole, cut));
        }

        Outcome o = weave(dir.toString());

        assertEquals(1, o.status(), o.err());
        for (int cut : cuts) {
            Path file = dir.resolve("Cut" + cut + ".class");
            assertTrue(o.err().contains("weft: cannot read " + file + ": "), cut + ": " + o.err());
        }
        assertTrue(o.err().contains("truncated or corrupt"), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals(cuts.length, o.err().lines().count(), "one line per file: " + o.err());
        assertEquals("hello weft", runGreeter(dir));
    }

    @Test
    void weave_classFileFromANewerJdk_isReportedByNameWithTheVersions() throws IOException {
        byte[] newer = Files.readAllBytes(ClassDirs.file(copyGreeter(), Greeter.class));
        newer[6] = 0;
        newer[7] = (byte) 200; // major version 200: Java 156
        Path file = dir.resolve("Future.class");
        Files.write(file, newer);

        Outcome o = weave(dir.toString());

        assertEquals(1, o.status());
        assertTrue(o.err().contains("weft: cannot read " + file + ": the class file is version 200 (Java 156), "
                + "newer than this weaver reads"), o.err());
    }

    @Test
    void weave_fileThatIsNotAClassFile_isReportedByName() throws IOException {
        Path file = dir.resolve("notes.class");
        Files.writeString(file, "not bytecode");
        Outcome o = weave(dir.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("weft: cannot read " + file + ": not a class file"), o.err());
    }

    @Test
    void weave_classPathJarThatCannotBeOpened_warnsByNameAndWeavesAnyway() throws Exception {
        ClassDirs.copy(dir, Greeter.class);
        Path jar = Files.writeString(Files.createTempFile(dir.getParent(), "broken", ".jar"), "not a zip");
        try {
            Outcome o = run("weave", "--classpath", jar + java.io.File.pathSeparator + RUNTIME, dir.toString());

            assertEquals(0, o.status(), o.err());
            assertTrue(o.err().startsWith("weft: cannot open class path entry " + jar + " ("), o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertEquals("hello weft", runGreeter(dir));
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void weave_withoutTheRuntimeOnTheClassPath_saysSoOnceAndWeavesNothing() throws IOException {
        ClassDirs.copy(dir, Greeter.class, Locked.class);
        byte[] compiled = Files.readAllBytes(ClassDirs.file(dir, Greeter.class));

        Outcome o = run("weave", dir.toString());

        assertEquals(1, o.status());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("the weft runtime (weft-runtime.jar"), o.err());
        assertFalse(o.err().contains("weaver bug"), o.err());
        assertArrayEquals(compiled, Files.readAllBytes(ClassDirs.file(dir, Greeter.class)));
    }

    @Test
    void run_badArguments_exitTwoWithUsageAndWeaveNothing() throws IOException {
        ClassDirs.copy(dir, Greeter.class);
        byte[] compiled = Files.readAllBytes(ClassDirs.file(dir, Greeter.class));
        String[][] bad = {
            {},
            {dir.toString()},
            {"weave"},
            {"weave", "--frobnicate", dir.toString()},
            {"weave", dir.toString(), "--classpath"},
            {"weave", dir.resolve("missing").toString()},
        };
        for (String[] args : bad) {
            Outcome o = run(args);
            assertEquals(2, o.status(), Arrays.toString(args));
            assertTrue(o.err().contains(OfflineWeaver.USAGE), o.err());
            assertEquals("", o.out(), Arrays.toString(args));
        }
        assertArrayEquals(compiled, Files.readAllBytes(ClassDirs.file(dir, Greeter.class)));
    }

    @Test
    void run_help_printsUsageAndExitsZero() {
        Outcome o = run("--help");
        assertEquals(0, o.status());
        assertEquals(OfflineWeaver.USAGE + System.lineSeparator(), o.out());
    }

    @Test
    void readme_documentsTheCommandAsItIs() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains(OfflineWeaver.USAGE.substring("usage: ".length())), "README shows the usage");
    }

    private Path copyGreeter() throws IOException {
        Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src"));
        ClassDirs.copy(other, Greeter.class);
        return other;
    }
}
