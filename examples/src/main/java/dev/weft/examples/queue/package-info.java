/**
 * The seeds' queue examples in Java: the producer and consumers of a bounded
 * {@link dev.weft.queue.Queue} (seed 000's {@code asyncio_queue.py}; seed 001, section 1.7.4,
 * has the same program) and the three workers sharing a queue of random sleep times (seed 003).
 * Each class's {@code main} prints what its Python program under
 * {@code src/test/resources/seeds/queue/} prints; {@code ExamplesTest} compares the outputs and
 * {@code QueueExamplesTest} checks the workers' arithmetic on virtual time.
 *
 * <p>Depends on {@code dev.weft} and {@code dev.weft.queue} only; the classes must run woven
 * (the examples jar carries the agent).
 */
package dev.weft.examples.queue;
