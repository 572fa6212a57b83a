package dev.weft.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit Jupiter {@code @BeforeEach} and {@code @AfterEach} methods of a test instance, which
 * the engine honours for async tests as Jupiter does for its own: before-methods superclass
 * first, after-methods subclass first. They are plain synchronous methods: a set-up that needs
 * the loop belongs at the start of the test's coroutine.
 *
 * <p>Found by annotation name, so weft-junit needs no dependency on Jupiter's API. Threading:
 * the test's runner thread; stateless.
 */
final class Lifecycle {
    private static final String BEFORE_EACH = "org.junit.jupiter.api.BeforeEach";
    private static final String AFTER_EACH = "org.junit.jupiter.api.AfterEach";

    private Lifecycle() {
    }

    /** Runs the {@code @BeforeEach} methods; the first exception stops them and is thrown. */
    static void beforeEach(Object instance) throws Throwable {
        for (Method m : find(instance.getClass(), BEFORE_EACH, HierarchyTraversalMode.TOP_DOWN)) {
            invoke(m, instance);
        }
    }

    /** Runs every {@code @AfterEach} method; their exceptions go to {@code failures}. */
    static void afterEach(Object instance, List<Throwable> failures) {
        for (Method m : find(instance.getClass(), AFTER_EACH, HierarchyTraversalMode.BOTTOM_UP)) {
            try {
                invoke(m, instance);
            } catch (Throwable t) {
                failures.add(t);
            }
        }
    }

    private static List<Method> find(Class<?> c, String annotation, HierarchyTraversalMode order) {
        return ReflectionSupport.findMethods(c, m -> !Modifier.isStatic(m.getModifiers())
                && m.getParameterCount() == 0 && Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().equals(annotation)), order);
    }

    private static void invoke(Method m, Object instance) throws Throwable {
        try {
            m.setAccessible(true);
            m.invoke(instance);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
