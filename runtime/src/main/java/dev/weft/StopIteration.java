package dev.weft;

import java.util.NoSuchElementException;

/**
 * Thrown by {@link Generator#next()} and {@link Generator#send(Object)} when the generator has
 * finished: Python's {@code StopIteration}, carrying the generator's return value.
 *
 * <p>It extends {@link NoSuchElementException}, which {@code Iterator.next()} throws on an
 * exhausted iterator, so Java code that treats a generator as an iterator sees what it expects.
 * Immutable; the stack trace is not filled in, since it marks the normal end of a generator.
 */
public class StopIteration extends NoSuchElementException {
    private static final long serialVersionUID = 1L;
    private final transient Object value;

    /** A {@code StopIteration} carrying the generator's return value (may be null). */
    public StopIteration(Object value) {
        super(value == null ? "generator finished" : "generator returned " + value);
        this.value = value;
    }

    /** The generator's return value, as given to {@code Generator.returning(value)}; may be null. */
    @SuppressWarnings("unchecked")
    public <R> R value() {
        return (R) value;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
