package dev.weft.agent;

import dev.weft.weave.WeavePipeline;
import dev.weft.weave.WeaveResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Weaves every class file under a directory in place — the offline weaver's and the build
 * plugin's common core, over the same {@link WeavePipeline} the agent uses.
 *
 * <p>Each {@code .class} file is read unless the {@link WeaveStamp} shows it unchanged since the
 * last weave; a class that does not mention weft is passed over after a constant-pool scan, an
 * already-woven one is recognised by its marker and left alone, so weaving twice, or after an
 * incremental compile, is correct. A class file that cannot be read (I/O error, not a class
 * file, newer than the weaver reads, truncated) is reported by its path and the others are
 * still woven. A class the weaver rejects is left as compiled and each reason is reported.
 *
 * <p>Not thread-safe: weave one directory at a time with one instance.
 */
public final class ClassTreeWeaver {
    /** A runtime class woven code extends: without it frames cannot be computed. */
    private static final String RUNTIME_PROBE = "dev/weft/internal/Frame.class";

    private final WeavePipeline pipeline;
    private final boolean runtimeVisible;
    private boolean runtimeReported;

    /**
     * A weaver over {@code pipeline} (give it the verify pass on: offline there is time for it),
     * which reads referenced classes from {@code classPath} — the weft runtime must be on it.
     */
    public ClassTreeWeaver(WeavePipeline pipeline, WeaveClassPath classPath) {
        this.pipeline = pipeline;
        this.runtimeVisible = classPath.loader().getResource(RUNTIME_PROBE) != null;
    }

    /**
     * Weaves the class files under {@code dir}, recording what it saw in {@code stamp} (not saved
     * here); a missing directory has nothing to weave.
     *
     * @throws IOException if the directory itself cannot be listed
     */
    public WeaveSummary weave(Path dir, WeaveStamp stamp) throws IOException {
        if (!Files.isDirectory(dir)) {
            return WeaveSummary.empty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted().toList();
        }
        int scanned = 0;
        List<String> woven = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            if (weaveIfChanged(dir, file, stamp, woven, errors)) {
                scanned++;
            }
        }
        return new WeaveSummary(files.size(), scanned, woven, errors);
    }

    /**
     * Weaves {@code file} unless the stamp shows it unchanged (then only its old messages are
     * reported again); returns whether the file was read.
     */
    private boolean weaveIfChanged(Path dir, Path file, WeaveStamp stamp, List<String> woven, List<String> errors)
            throws IOException {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        List<String> known = stamp.unchanged(rel, before.size(), before.lastModifiedTime().toMillis());
        if (known != null) {
            errors.addAll(known);
            return false;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // Not recorded: fixing permissions does not change the file's time.
            errors.add("weft: cannot read " + file + ": " + e);
            return true;
        }
        Outcome outcome = weaveFile(file, bytes, woven);
        errors.addAll(outcome.messages());
        if (outcome.settled()) {
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            stamp.record(rel, after.size(), after.lastModifiedTime().toMillis(), outcome.messages());
        }
        return true;
    }

    /**
     * What weaving one file gave.
     *
     * @param messages its problems, one line each
     * @param settled whether the same bytes would give the same outcome again, so the stamp may
     *     remember it (not after a failed write, nor when nothing could be woven at all)
     */
    private record Outcome(List<String> messages, boolean settled) {
    }

    /** Weaves one file's bytes in place, adding its class to {@code woven} if written. */
    private Outcome weaveFile(Path file, byte[] bytes, List<String> woven) {
        // A file that is not even a class file goes to the pipeline too, which says so by name.
        if (ConstantPoolScan.looksLikeClassFile(bytes) && !ConstantPoolScan.mentionsWeft(bytes)) {
            return new Outcome(List.of(), runtimeVisible);
        }
        if (!runtimeVisible && ConstantPoolScan.looksLikeClassFile(bytes)) {
            // Every frame would be computed wrong; say so once instead of once per class.
            return new Outcome(runtimeMissing(), false);
        }
        WeaveResult result = pipeline.weave(bytes, file.toString());
        List<String> messages = new ArrayList<>(result.messages());
        if (result.changed()) {
            try {
                Files.write(file, result.bytes());
                woven.add(result.className());
            } catch (IOException e) {
                messages.add("weft: cannot write the woven " + result.className() + " to " + file + ": " + e);
                return new Outcome(messages, false);
            }
        }
        return new Outcome(messages, runtimeVisible);
    }

    private List<String> runtimeMissing() {
        if (runtimeReported) {
            return List.of();
        }
        runtimeReported = true;
        return List.of("weft: cannot weave: the weft runtime (weft-runtime.jar, " + RUNTIME_PROBE
                + ") is not on the class path the weaver reads; add it (--classpath) and weave again");
    }
}
