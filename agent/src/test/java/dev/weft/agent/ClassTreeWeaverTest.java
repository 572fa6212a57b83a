package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.samples.Greeter;
import dev.weft.agent.samples.Locked;
import dev.weft.weave.WeavePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental weaving of a class directory: what a second build reads, weaves and reports. */
class ClassTreeWeaverTest {
    @TempDir
    Path root;
    private Path classes;
    private Path stampFile;
    private WeaveClassPath classPath;

    @BeforeEach
    void setUp() throws IOException {
        classes = Files.createDirectories(root.resolve("classes"));
        stampFile = root.resolve("weft/classes.stamp");
        // The runtime is on the class path, as on a build's compile class path.
        classPath = WeaveClassPath.open(List.of(classes, ClassDirs.location(dev.weft.Weft.class)));
    }

    @AfterEach
    void tearDown() throws IOException {
        classPath.close();
    }

    private WeaveSummary weaveWithStamp() throws IOException {
        WeaveStamp stamp = WeaveStamp.load(stampFile, classes);
        WeaveSummary s = new ClassTreeWeaver(new WeavePipeline(classPath.loader(), true),
                classPath).weave(classes, stamp);
        stamp.save();
        return s;
    }

    @Test
    void weave_secondTimeWithTheStamp_readsNothing() throws IOException {
        ClassDirs.copy(classes, Greeter.class, ClassTreeWeaverTest.class);
        WeaveSummary first = weaveWithStamp();
        assertEquals(List.of(Greeter.class.getName()), first.woven());
        byte[] woven = Files.readAllBytes(ClassDirs.file(classes, Greeter.class));

        WeaveSummary second = weaveWithStamp();

        assertEquals(2, second.files());
        assertEquals(0, second.scanned());
        assertEquals(List.of(), second.woven());
        assertTrue(second.line(5).endsWith("(2 unchanged since the last weave, not read)"), second.line(5));
        assertArrayEquals(woven, Files.readAllBytes(ClassDirs.file(classes, Greeter.class)));
    }

    @Test
    void weave_afterARecompile_readsAndWeavesOnlyTheRecompiledClass() throws IOException {
        ClassDirs.copy(classes, Greeter.class, ClassTreeWeaverTest.class);
        weaveWithStamp();
        ClassDirs.copy(classes, Greeter.class); // javac wrote it again, un-woven

        WeaveSummary again = weaveWithStamp();

        assertEquals(1, again.scanned());
        assertEquals(List.of(Greeter.class.getName()), again.woven());
    }

    @Test
    void weave_aWovenClassWithANewTime_isReadAndRecognisedAsWoven() throws IOException {
        ClassDirs.copy(classes, Greeter.class);
        weaveWithStamp();
        Path file = ClassDirs.file(classes, Greeter.class);
        byte[] woven = Files.readAllBytes(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));

        WeaveSummary again = weaveWithStamp();

        assertEquals(1, again.scanned());
        assertEquals(List.of(), again.woven(), "not woven twice");
        assertArrayEquals(woven, Files.readAllBytes(file));
    }

    @Test
    void weave_unchangedClassThatFailed_isReportedAgainWithoutBeingRead() throws IOException {
        ClassDirs.copy(classes, Locked.class);
        WeaveSummary first = weaveWithStamp();
        assertEquals(1, first.errors().size(), first.errors().toString());

        WeaveSummary second = weaveWithStamp();

        assertEquals(0, second.scanned());
        assertEquals(first.errors(), second.errors(), "a failed build keeps failing until the code changes");
    }

    @Test
    void weave_stampOfAnotherDirectoryOrDamaged_readsEverything() throws IOException {
        ClassDirs.copy(classes, Greeter.class);
        weaveWithStamp();
        Files.writeString(stampFile, Files.readString(stampFile).replace(classes.toString(), "/elsewhere"));
        assertEquals(1, weaveWithStamp().scanned(), "another directory's stamp");
        Files.writeString(stampFile, Files.readString(stampFile) + "F\tnot-a-number\n");
        assertEquals(1, weaveWithStamp().scanned(), "a damaged stamp");
    }

    @Test
    void weave_deletedClass_isForgottenByTheStamp() throws IOException {
        ClassDirs.copy(classes, Greeter.class, Locked.class);
        weaveWithStamp();
        Files.delete(ClassDirs.file(classes, Locked.class));

        WeaveSummary again = weaveWithStamp();

        assertEquals(1, again.files());
        assertEquals(List.of(), again.errors());
        assertTrue(!Files.readString(stampFile).contains("Locked"), Files.readString(stampFile));
    }

    @Test
    void weave_missingDirectory_hasNothingToWeave() throws IOException {
        WeaveSummary s = new ClassTreeWeaver(new WeavePipeline(null, true), classPath)
                .weave(root.resolve("absent"), WeaveStamp.none());
        assertEquals(WeaveSummary.empty(), s);
    }
}
