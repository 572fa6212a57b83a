package dev.weft.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The {@code weave-tests} goal: weaves the {@code @Async} methods of the test classes
 * ({@code target/test-classes}) in place after test compilation, so tests run without the
 * agent. Frames are computed against the project's test class path.
 *
 * <p>Threading: see {@link AbstractWeaveMojo}.
 */
@Mojo(name = "weave-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class WeaveTestsMojo extends AbstractWeaveMojo {
    /** The test classes to weave. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    File testClassesDirectory;

    @Override
    File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    List<String> classPathElements() throws DependencyResolutionRequiredException {
        return project.getTestClasspathElements();
    }

    @Override
    String stampName() {
        return "test-classes.stamp";
    }
}
