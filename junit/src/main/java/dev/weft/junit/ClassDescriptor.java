package dev.weft.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A {@link WeftTest} class in the test plan: the container of its {@link AsyncTestDescriptor}s.
 *
 * <p>Made during discovery, read during execution, on the engine's thread.
 */
final class ClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";

    private final Class<?> testClass;

    ClassDescriptor(UniqueId parent, Class<?> testClass) {
        super(parent.append(SEGMENT, testClass.getName()), testClass.getSimpleName(),
                ClassSource.from(testClass));
        this.testClass = testClass;
    }

    Class<?> testClass() {
        return testClass;
    }

    /** The class's full name, as Jupiter reports it (Surefire's XML reports use it). */
    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
