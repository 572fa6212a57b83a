package dev.weft.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The {@code weave} goal: weaves the {@code @Async} methods of the main classes
 * ({@code target/classes}) in place after compilation, so the jar runs without the agent.
 * Frames are computed against the project's compile class path.
 *
 * <p>Threading: see {@link AbstractWeaveMojo}.
 */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class WeaveMojo extends AbstractWeaveMojo {
    /** The main classes to weave. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    List<String> classPathElements() throws DependencyResolutionRequiredException {
        return project.getCompileClasspathElements();
    }

    @Override
    String stampName() {
        return "classes.stamp";
    }
}
