package dev.weft.internal;

import dev.weft.Generator;
import dev.weft.GeneratorState;
import dev.weft.StopIteration;
import java.util.Iterator;

/**
 * A plain {@link Iterable} seen as a generator, so that {@code Weft.yieldFrom(list)} delegates to
 * it exactly as to a woven generator: each element is yielded, the return value is null, and a
 * non-null sent value is refused (Python raises {@code AttributeError} there: a list iterator
 * has no {@code send}).
 *
 * <p>Not thread-safe, like the iterator it wraps.
 */
final class IterableGenerator implements Generator<Object, Object> {
    private final Iterator<?> it;
    private GeneratorState state = GeneratorState.CREATED;

    IterableGenerator(Iterable<?> values) {
        this.it = values.iterator();
    }

    @Override
    public Object next() {
        return send(null);
    }

    @Override
    public Object send(Object value) {
        if (value != null) {
            throw new IllegalStateException("cannot send a value to a plain Iterable delegated to "
                    + "with Weft.yieldFrom; only null (next()) is allowed");
        }
        if (state == GeneratorState.CLOSED || !it.hasNext()) {
            state = GeneratorState.CLOSED;
            throw new StopIteration(null);
        }
        state = GeneratorState.SUSPENDED;
        return it.next();
    }

    @Override
    public Object throwInto(Throwable error) {
        state = GeneratorState.CLOSED;
        throw Sneaky.<RuntimeException>raise(error);
    }

    @Override
    public void close() {
        state = GeneratorState.CLOSED;
    }

    @Override
    public GeneratorState state() {
        return state;
    }

    @Override
    public <R> R returnValue() {
        return null;
    }
}
