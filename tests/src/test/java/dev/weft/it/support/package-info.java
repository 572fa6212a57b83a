/**
 * What the integration tests of several packages share: {@link dev.weft.it.support.VirtualLoop}
 * (a fresh loop on virtual time per test), {@link dev.weft.it.support.Later} (futures that
 * complete on a later iteration, so an await really suspends) and
 * {@link dev.weft.it.support.OpenFiles}. The ordering log of numbered steps is
 * {@code dev.weft.testing.StepLog}, the runtime's, from its test jar: one step log for the unit
 * and the integration tests.
 *
 * <p>{@code dev.weft.testing.FailedTestLogs}, from the same test jar, keeps the build quiet:
 * weft's log records are printed only for a test that fails.
 *
 * <p>Test code only, never woven itself (no {@code @Async} here). Depends on {@code dev.weft} and
 * JUnit's assertions; the test packages depend on it, never the other way round.
 */
package dev.weft.it.support;
