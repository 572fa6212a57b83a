package dev.weft.internal;

import dev.weft.Coroutine;

/**
 * A coroutine that has already completed with a value: awaiting it returns the value at once.
 * Immutable; may be awaited any number of times, from any task.
 */
final class Completed implements Coroutine<Object>, Awaitable {
    private final Object value;

    Completed(Object value) {
        this.value = value;
    }

    Object value() {
        return value;
    }

    @Override
    public Object awaitFrom(Frame caller) {
        return value;
    }

    @Override
    public String toString() {
        return "<coroutine done result=" + value + ">";
    }
}
