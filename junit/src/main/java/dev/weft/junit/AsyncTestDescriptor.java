package dev.weft.junit;

import dev.weft.Coroutine;
import dev.weft.annotation.Async;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One test method of a {@link WeftTest} class in the test plan: an {@link AsyncTest} method, or
 * a method that looks like an async test but cannot run as one (a Jupiter {@code @Test}
 * returning a coroutine, an {@code @AsyncTest} of the wrong shape). The latter carries the
 * {@link #problem()} it fails with when executed, so no such method is ever skipped silently.
 *
 * <p>Made during discovery, read during execution, on the engine's thread.
 */
final class AsyncTestDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "method";
    private static final String JUPITER_TEST = "org.junit.jupiter.api.Test";

    private final Class<?> testClass;
    private final Method method;
    private final String problem;

    AsyncTestDescriptor(UniqueId parent, Class<?> testClass, Method method) {
        super(parent.append(SEGMENT, method.getName() + "(" + parameterNames(method) + ")"),
                method.getName() + "()", MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
        this.problem = problemOf(testClass, method);
    }

    /** Whether the engine takes charge of {@code method}: an async test, or one that must fail. */
    static boolean isCandidate(Method method) {
        return method.isAnnotationPresent(AsyncTest.class)
                || isJupiterTest(method) && Coroutine.class.isAssignableFrom(method.getReturnType());
    }

    Class<?> testClass() {
        return testClass;
    }

    Method method() {
        return method;
    }

    /** Why the method cannot run as an async test, or null if it can. */
    String problem() {
        return problem;
    }

    /** Whether the test method declares a {@link TestLoop} parameter. */
    boolean wantsTestLoop() {
        return method.getParameterCount() == 1;
    }

    /** {@code name()}, as Jupiter reports a method (Surefire's XML reports use it). */
    @Override
    public String getLegacyReportingName() {
        return method.getName() + "()";
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    private static String problemOf(Class<?> testClass, Method method) {
        String where = testClass.getName() + "." + method.getName() + "()";
        if (!method.isAnnotationPresent(AsyncTest.class)) {
            return "@Test method " + where + " returns a Coroutine, which JUnit Jupiter would never "
                    + "run: annotate it @AsyncTest instead of @Test";
        }
        if (isJupiterTest(method)) {
            return where + " is annotated both @Test and @AsyncTest: keep only @AsyncTest";
        }
        if (!Coroutine.class.isAssignableFrom(method.getReturnType())) {
            return "@AsyncTest method " + where + " returns " + method.getReturnType().getName()
                    + ": it must be an @Async method returning Coroutine<?>";
        }
        if (!method.isAnnotationPresent(Async.class)) {
            return "@AsyncTest method " + where + " is not @Async: add @Async so the weft agent "
                    + "weaves it into a coroutine";
        }
        if (Modifier.isAbstract(method.getModifiers())) {
            return "@AsyncTest method " + where + " is abstract";
        }
        Class<?>[] params = method.getParameterTypes();
        if (params.length > 1 || params.length == 1 && params[0] != TestLoop.class) {
            return "@AsyncTest method " + where + " takes (" + parameterNames(method) + "): it may take "
                    + "no parameter or one TestLoop";
        }
        return null;
    }

    private static boolean isJupiterTest(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(JUPITER_TEST));
    }

    private static String parameterNames(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(","));
    }
}
