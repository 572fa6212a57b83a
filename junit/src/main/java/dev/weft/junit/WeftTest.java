package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link AsyncTest} methods the weft test engine runs, each on a fresh event
 * loop on virtual time (see {@link AsyncTest} for what fails a test).
 *
 * <p>A {@code @WeftTest} class needs a constructor without parameters (it may be private); each
 * test gets a new instance, on which Jupiter's {@code @BeforeEach} and {@code @AfterEach}
 * methods run before and after the test's loop (plain methods: set-up that needs the loop goes at
 * the start of the coroutine). A class with {@code @AsyncTest} methods runs as if it carried
 * {@code @WeftTest}, with its defaults: the annotation is there for its options and to mark a
 * class whose tests are all async. A JUnit Jupiter {@code @Test} method returning a {@code Coroutine}
 * in such a class is reported as a failed test telling to use {@code @AsyncTest}: Jupiter does
 * not run non-void test methods, so it would otherwise be skipped without a word. Plain void
 * {@code @Test} methods there are left to Jupiter.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WeftTest {

    /**
     * How long, in real milliseconds, each test of the class may run before it fails with a task
     * dump of its loop (a test that blocks its loop thread, or waits for ever); an
     * {@link AsyncTest#timeoutMillis()} overrides it. 0 means the engine's default: the
     * configuration parameter {@value WeftTestEngine#TIMEOUT_PARAMETER}, else 60 s.
     */
    long timeoutMillis() default 0;
}
