package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks an {@code @Async Coroutine<?>} method of a {@link WeftTest} class as a test: the engine
 * calls it (passing a {@link TestLoop} if it declares one as its only parameter), runs the
 * coroutine as the main task of a fresh loop on virtual time ({@link RealTime} for real time),
 * and then closes the loop.
 *
 * <p>The test fails
 * <ul>
 *   <li>with the coroutine's own exception, unchanged, when it throws;</li>
 *   <li>when it returns leaving tasks pending (the message holds their task dump; they are then
 *       cancelled, so the next test starts clean);</li>
 *   <li>when a task failed and nobody retrieved its exception, or a callback threw (whatever the
 *       loop's exception handler would have printed; the exception is the cause);</li>
 *   <li>when a coroutine was created and never awaited (the message names it and where it was
 *       created);</li>
 *   <li>when it runs longer than its timeout in real time (the message holds the task dump and
 *       the loop thread's stack).</li>
 * </ul>
 * Problems found after the coroutine threw are attached to its exception as suppressed ones.
 *
 * <p>The method must be an instance or static method returning {@code Coroutine} with no
 * parameter or one {@link TestLoop}, and must carry {@code @Async} so the weft agent weaves it;
 * a method that does not fit is reported as a failed test saying what to change, never skipped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Testable
public @interface AsyncTest {

    /**
     * How long, in real milliseconds, this test may run before it fails with a task dump; 0 takes
     * the class's {@link WeftTest#timeoutMillis()}.
     */
    long timeoutMillis() default 0;
}
