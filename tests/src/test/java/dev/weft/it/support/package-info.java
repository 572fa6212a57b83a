/**
 * What the integration tests of several packages share: {@link dev.weft.it.support.VirtualLoop}
 * (a fresh loop on virtual time per test) and {@link dev.weft.it.support.StepLog} (an ordering
 * log of numbered steps).
 *
 * <p>{@link dev.weft.it.support.FailedTestLogs} keeps the build quiet: weft's log records are
 * printed only for a test that fails.
 *
 * <p>Test code only, never woven itself (no {@code @Async} here). Depends on {@code dev.weft} and
 * JUnit's assertions; the test packages depend on it, never the other way round.
 */
package dev.weft.it.support;
