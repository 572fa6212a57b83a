package dev.weft.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LifoStoreTest {

    @Test
    void poll_growingStack_latestFirst() {
        LifoStore<String> store = new LifoStore<>(1);
        store.add("a");
        store.add("b");
        store.add("c");
        assertEquals("[a, b, c]", store.toString());
        assertEquals("c", store.poll());
        assertEquals("b", store.poll());
        store.clear();
        assertEquals(0, store.size());
    }
}
