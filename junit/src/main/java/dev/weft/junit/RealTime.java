package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link AsyncTest} method, or every one of a {@link WeftTest} class, on the system clock
 * instead of virtual time: for tests whose timers race real I/O or other threads (a loop on
 * virtual time jumps over timers instead of waiting for a socket). On real time
 * {@link TestLoop#advanceBy} and {@link TestLoop#runUntilIdle} are refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RealTime {
}
