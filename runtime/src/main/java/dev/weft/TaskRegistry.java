package dev.weft;

import java.util.ArrayList;
import java.util.List;

/**
 * The pending tasks of one loop, held strongly so that no running task can vanish (a flaw of
 * asyncio, which keeps only weak references).
 *
 * <p>An intrusive doubly linked list through {@link Task#prevTask}/{@link Task#nextTask}: adding
 * and removing are O(1) and allocate nothing, so a million tasks cost no extra objects.
 *
 * <p>Threading: confined to the loop's thread.
 */
final class TaskRegistry {
    private Task<?> head;
    private int size;

    void add(Task<?> t) {
        t.nextTask = head;
        t.prevTask = null;
        if (head != null) {
            head.prevTask = t;
        }
        head = t;
        size++;
    }

    void remove(Task<?> t) {
        if (t.prevTask == null && head != t) {
            return; // not registered (already removed)
        }
        if (t.prevTask != null) {
            t.prevTask.nextTask = t.nextTask;
        } else {
            head = t.nextTask;
        }
        if (t.nextTask != null) {
            t.nextTask.prevTask = t.prevTask;
        }
        t.prevTask = null;
        t.nextTask = null;
        size--;
    }

    int size() {
        return size;
    }

    /** A snapshot of the pending tasks, newest first. */
    List<Task<?>> snapshot() {
        List<Task<?>> all = new ArrayList<>(size);
        for (Task<?> t = head; t != null; t = t.nextTask) {
            all.add(t);
        }
        return all;
    }
}
