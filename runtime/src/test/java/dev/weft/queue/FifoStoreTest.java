package dev.weft.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FifoStoreTest {

    @Test
    void addAndPoll_wrappingAroundAndGrowing_keepFirstInFirstOut() {
        FifoStore<Integer> store = new FifoStore<>(4);
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < 3 + round % 5; i++) {
                store.add(next++);
            }
            for (int i = 0; i < 2 + round % 4 && store.size() > 0; i++) {
                assertEquals(expected++, store.poll());
            }
        }
        while (store.size() > 0) {
            assertEquals(expected++, store.poll());
        }
        assertEquals(next, expected);
    }

    @Test
    void toStringAndClear_showTheOrderAndDropEverything() {
        FifoStore<String> store = new FifoStore<>(2);
        store.add("a");
        store.add("b");
        store.poll();
        store.add("c");
        store.add("d"); // wraps, then grows
        assertEquals("[b, c, d]", store.toString());
        store.clear();
        assertEquals("[]", store.toString());
        store.add("e");
        assertEquals("e", store.poll());
    }
}
