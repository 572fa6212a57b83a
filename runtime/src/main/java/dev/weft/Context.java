package dev.weft;

import java.util.Arrays;

/**
 * An immutable set of {@link ContextVar} values: what Python's {@code contextvars.Context} holds.
 *
 * <p>Setting a variable makes a new context and leaves this one as it was, so "taking a copy" of
 * a context is sharing its reference: a task and each scheduled callback keep the reference that
 * was current when they were created, and nothing they set later can reach their creator. The
 * values live in one flat array of variable/value pairs, searched linearly: programs use a handful
 * of context variables, and a flat array is both the smallest and the fastest layout for that.
 * The empty context is a shared constant, so code that never uses context variables allocates
 * nothing for them.
 *
 * <p>Immutable; safe on any thread.
 */
final class Context {
    static final Context EMPTY = new Context(new Object[0]);

    /** {@code var0, value0, var1, value1, ...}. */
    private final Object[] pairs;

    private Context(Object[] pairs) {
        this.pairs = pairs;
    }

    /** Whether {@code var} has a value here. */
    boolean has(ContextVar<?> var) {
        return indexOf(var) >= 0;
    }

    /** The value of {@code var}; null if it has none (check {@link #has} first). */
    Object get(ContextVar<?> var) {
        int i = indexOf(var);
        return i < 0 ? null : pairs[i + 1];
    }

    /** A context like this one where {@code var} is {@code value}. */
    Context with(ContextVar<?> var, Object value) {
        int i = indexOf(var);
        Object[] copy;
        if (i >= 0) {
            copy = pairs.clone();
        } else {
            i = pairs.length;
            copy = Arrays.copyOf(pairs, pairs.length + 2);
            copy[i] = var;
        }
        copy[i + 1] = value;
        return new Context(copy);
    }

    /** A context like this one where {@code var} has no value. */
    Context without(ContextVar<?> var) {
        int i = indexOf(var);
        if (i < 0) {
            return this;
        }
        Object[] copy = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, copy, 0, i);
        System.arraycopy(pairs, i + 2, copy, i, pairs.length - i - 2);
        return copy.length == 0 ? EMPTY : new Context(copy);
    }

    private int indexOf(ContextVar<?> var) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == var) {
                return i;
            }
        }
        return -1;
    }
}
