/**
 * The seeds' synchronisation examples in Java (seed 001 §1.7, seed 000's Lock): a lock that a
 * callback releases, an event that a callback sets, and a condition notified for one, two, then
 * all of its waiters. Each class's {@code main} prints what its Python program under
 * {@code src/test/resources/seeds/sync/} prints; the output test is {@code SyncExamplesTest}.
 *
 * <p>Depends on {@code dev.weft}, {@code dev.weft.sync} and {@link dev.weft.examples.Repr};
 * the classes must run woven (the examples jar carries the agent).
 */
package dev.weft.examples.sync;
