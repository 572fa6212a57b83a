package dev.weft.queue;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The item store of a {@link LifoQueue}: last in, first out, in a growable array used as a stack.
 *
 * <p>Grows by doubling and never shrinks; adding and polling allocate nothing. Confined to the
 * queue's loop thread.
 *
 * @param <T> the type of the items
 */
final class LifoStore<T> implements ItemStore<T> {
    private Object[] stack;
    private int size;

    LifoStore(int initialCapacity) {
        stack = new Object[Math.max(1, initialCapacity)];
    }

    @Override
    public void add(T item) {
        if (size == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[size++] = item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll() {
        Object item = stack[--size];
        stack[size] = null;
        return (T) item;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(stack, 0, size, null);
        size = 0;
    }

    /** The items from the bottom of the stack to its top (the next one out), as {@code [a, b]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < size; i++) {
            out.add(String.valueOf(stack[i]));
        }
        return out.toString();
    }
}
