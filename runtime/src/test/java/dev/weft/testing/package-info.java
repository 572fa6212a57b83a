/**
 * Test support shared by every module's tests through the runtime's test jar
 * ({@code weft-runtime:test-jar}, which holds only this package): {@link dev.weft.testing.StepLog},
 * the step-order log of the ordering tests, and {@link dev.weft.testing.FailedTestLogs}, which
 * keeps the build quiet by printing weft's log records only for a test that fails.
 */
package dev.weft.testing;
