package dev.weft.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The {@link Iterator} view of a woven generator: what a for-each over it drives.
 *
 * <p>It behaves as {@code Generator.iterator()}'s default does — {@code hasNext()} runs the
 * generator to its next yield and keeps the value until {@code next()} takes it, so the
 * generator's side effects happen in {@code hasNext()} — but it steps the frame directly: the
 * end is the {@link GeneratorFrame#FINISHED} sentinel rather than a {@code StopIteration}
 * thrown and caught once per sequence, and no interface call asks for the state per element.
 *
 * <p>Threading: not thread-safe, like the generator it drives.
 */
final class GeneratorIterator implements Iterator<Object> {
    private final GeneratorFrame gen;
    /** The value {@code hasNext()} ran the generator to, until {@code next()} takes it. */
    private Object next;
    private boolean ready;

    GeneratorIterator(GeneratorFrame gen) {
        this.gen = gen;
    }

    @Override
    public boolean hasNext() {
        if (!ready) {
            Object value = gen.step(null, null); // a closed generator answers FINISHED
            if (value == GeneratorFrame.FINISHED) {
                return false;
            }
            next = value;
            ready = true;
        }
        return ready;
    }

    @Override
    public Object next() {
        // ready first: in a for-each, hasNext() has always run, so the JIT sees this branch
        // never taken and does not compile a second copy of the generator step into the loop.
        if (!ready && !hasNext()) {
            throw new NoSuchElementException("generator finished");
        }
        ready = false;
        Object value = next;
        next = null;
        return value;
    }
}
