/**
 * weft's JUnit support: a JUnit Platform engine for async tests. A {@link dev.weft.junit.WeftTest}
 * class's {@link dev.weft.junit.AsyncTest} methods are {@code @Async} coroutines, each run on a
 * fresh loop on virtual time ({@link dev.weft.junit.RealTime} for real time), with its time read
 * and moved through {@link dev.weft.junit.TestLoop}. A test fails when its coroutine throws, when
 * it leaves tasks running, when an exception goes unretrieved, when a coroutine is never awaited,
 * or when it outlives its timeout (with a task dump).
 *
 * <p>Depends on {@code dev.weft} (and, for never-awaited tracking, {@code dev.weft.internal}) and
 * on the JUnit Platform engine API; not on JUnit Jupiter.
 */
package dev.weft.junit;
