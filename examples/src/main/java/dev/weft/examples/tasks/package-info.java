/**
 * The seeds' task examples in Java: {@code gather} with the factorial tasks of seed 003, and
 * stopping a loop from a coroutine or from a done callback (seed 004). Each class's {@code main}
 * prints what its Python program under {@code src/test/resources/seeds/tasks/} prints; the
 * output test is {@code TasksExamplesTest}.
 *
 * <p>Depends on {@code dev.weft} only; the classes must run woven (the examples jar carries the
 * agent).
 */
package dev.weft.examples.tasks;
