package dev.weft.junit;

import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform test engine {@value #ENGINE_ID}: runs the {@link AsyncTest} methods of
 * {@link WeftTest} classes, each on a fresh event loop on virtual time.
 *
 * <p>Why an engine and not a Jupiter extension: Jupiter runs only {@code void} test methods (a
 * {@code @Test} returning a value is skipped with at most a warning), and an async test is a
 * method returning a {@code Coroutine}. A small engine beside Jupiter lets the test be the
 * coroutine itself, and lets the engine fail, with a message, every method that Jupiter would
 * have skipped. The engine is found through {@code ServiceLoader}, so Maven Surefire, Gradle and
 * IDEs run it as they run Jupiter, and {@link AsyncTest} is {@code @Testable} for IDE gutters.
 *
 * <p>Configuration parameter {@value #TIMEOUT_PARAMETER}: the default real-time limit of a test,
 * in milliseconds (60 000 unless set); {@link WeftTest#timeoutMillis()} and
 * {@link AsyncTest#timeoutMillis()} override it.
 *
 * <p>Threading: discovery and execution run on the launcher's thread; each test runs on a
 * thread of its own ({@link AsyncTestRun}).
 */
public final class WeftTestEngine implements TestEngine {
    /** The engine's id, the first segment of its tests' unique ids. */
    public static final String ENGINE_ID = "weft";
    /** The configuration parameter holding the default timeout in milliseconds. */
    public static final String TIMEOUT_PARAMETER = "weft.junit.timeout.millis";
    static final long DEFAULT_TIMEOUT_MILLIS = 60_000;

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.weft");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("weft-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "weft");
        TestDiscovery.discover(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        long timeout = request.getConfigurationParameters().get(TIMEOUT_PARAMETER, Long::parseLong)
                .orElse(DEFAULT_TIMEOUT_MILLIS);
        new TestExecutor(request.getEngineExecutionListener(), timeout).execute(request.getRootTestDescriptor());
    }
}
