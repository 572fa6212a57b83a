package dev.weft.maven;

import dev.weft.agent.ClassTreeWeaver;
import dev.weft.agent.WeaveClassPath;
import dev.weft.agent.WeaveStamp;
import dev.weft.agent.WeaveSummary;
import dev.weft.weave.WeavePipeline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the {@code weave} and {@code weave-tests} goals share: weave one classes directory in
 * place with the weaver the agent uses, the verify pass always on, frames computed from the
 * project's own class path for that directory.
 *
 * <p>Incremental: a stamp under {@code target/weft/} remembers each class file's size and time
 * after the last weave, so unchanged classes are not read again (and the errors they gave are
 * reported again); already-woven classes are recognised and left alone, so any number of builds
 * over the same classes is correct.
 *
 * <p>Reporting: one info line when all is well (classes scanned, woven, time); otherwise every
 * problem, each naming {@code Class.method(File.java:line)} or the class file and what to
 * change, and the build fails unless {@code failOnError} is false.
 *
 * <p>Threading: Maven runs one execution per instance; nothing is shared between executions.
 */
abstract class AbstractWeaveMojo extends AbstractMojo {
    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips weaving (woven code then needs the agent to run). */
    @Parameter(property = "weft.skip", defaultValue = "false")
    boolean skip;

    /** Fails the build when a class cannot be woven or read; if false, the problems are warnings. */
    @Parameter(property = "weft.failOnError", defaultValue = "true")
    boolean failOnError;

    /** Logs each woven class and the class path the weaver reads. */
    @Parameter(property = "weft.verbose", defaultValue = "false")
    boolean verbose;

    /** The directory to weave in place. */
    abstract File classesDirectory();

    /** The class path the directory's classes were compiled against, the directory included. */
    abstract List<String> classPathElements() throws DependencyResolutionRequiredException;

    /** The stamp's file name under {@code target/weft/}, one per goal. */
    abstract String stampName();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("weft: weaving skipped (weft.skip)");
            return;
        }
        Path dir = classesDirectory().toPath();
        if (!Files.isDirectory(dir)) {
            getLog().debug("weft: no classes to weave in " + dir);
            return;
        }
        long start = System.nanoTime();
        WeaveSummary summary = weave(dir, classPath(dir));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (verbose) {
            summary.woven().forEach(c -> getLog().info("weft: woven " + c));
        }
        report(summary, millis);
    }

    private List<Path> classPath(Path dir) throws MojoExecutionException {
        List<Path> entries = new ArrayList<>();
        entries.add(dir);
        try {
            for (String element : classPathElements()) {
                entries.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("weft: the class path to weave against is not resolved", e);
        }
        if (verbose) {
            getLog().info("weft: weaving " + dir + " against " + entries);
        }
        return entries;
    }

    private WeaveSummary weave(Path dir, List<Path> entries) throws MojoExecutionException {
        Path stampFile = Path.of(project.getBuild().getDirectory(), "weft", stampName());
        try (WeaveClassPath classPath = WeaveClassPath.open(entries)) {
            classPath.warnings().forEach(getLog()::warn);
            WeaveStamp stamp = WeaveStamp.load(stampFile, dir);
            WeaveSummary summary = new ClassTreeWeaver(new WeavePipeline(classPath.loader(), true), classPath)
                    .weave(dir, stamp);
            stamp.save();
            return summary;
        } catch (IOException e) {
            throw new MojoExecutionException("weft: cannot weave " + dir + ": " + e, e);
        }
    }

    private void report(WeaveSummary summary, long millis) throws MojoFailureException {
        String line = summary.line(millis);
        if (summary.ok()) {
            getLog().info(line);
            return;
        }
        if (!failOnError) {
            summary.errors().forEach(getLog()::warn);
            getLog().warn(line);
            return;
        }
        summary.errors().forEach(getLog()::error);
        getLog().error(line);
        throw new MojoFailureException(failureMessage(summary));
    }

    private static String failureMessage(WeaveSummary summary) {
        int n = summary.errors().size();
        StringBuilder b = new StringBuilder("weft: ").append(n)
                .append(n == 1 ? " class could not be woven or read:" : " problems stop the weave:");
        summary.errors().forEach(e -> b.append(System.lineSeparator()).append("  ").append(e));
        return b.append(System.lineSeparator())
                .append("Change the code as each message says (or set <failOnError>false</failOnError> to "
                        + "build anyway; those @Async methods then fail when called).").toString();
    }
}
