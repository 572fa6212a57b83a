/**
 * Seed 003's subprocess programs in Java: a shell command whose output is captured with
 * {@code communicate} ({@link dev.weft.examples.process.RunShell}), a program whose first line
 * is read from its stdout ({@link dev.weft.examples.process.GetDate}), and a command whose
 * streams are discarded ({@link dev.weft.examples.process.RunDevNull}). Each prints what its
 * Python program under {@code src/test/resources/seeds/process/} prints (for {@code GetDate},
 * up to the date); the output test is {@code ProcessExamplesTest}.
 *
 * <p>Depends on {@code dev.weft}, {@code dev.weft.process} and
 * {@link dev.weft.examples.Repr}; needs POSIX tools ({@code /bin/sh}, {@code ls}, {@code date});
 * the classes must run woven (the examples jar carries the agent).
 */
package dev.weft.examples.process;
