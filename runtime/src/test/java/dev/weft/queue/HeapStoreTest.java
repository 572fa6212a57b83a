package dev.weft.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeapStoreTest {

    private static <T> List<T> drain(ItemStore<T> store) {
        List<T> out = new ArrayList<>();
        while (store.size() > 0) {
            out.add(store.poll());
        }
        return out;
    }

    @Test
    void poll_naturalOrder_smallestFirstAndEqualsInPutOrder() {
        HeapStore<String> store = new HeapStore<>(1, Comparator.comparing(s -> s.charAt(0)));
        for (String s : new String[] {"b1", "a1", "c1", "a2", "b2", "a3"}) {
            store.add(s);
        }
        assertEquals(List.of("a1", "a2", "a3", "b1", "b2", "c1"), drain(store));
    }

    @Test
    void add_comparatorThrowsMidway_heapUnchanged() {
        HeapStore<Object> store = new HeapStore<>(4, null);
        for (int i = 10; i > 0; i--) {
            store.add(i);
        }
        assertThrows(ClassCastException.class, () -> store.add("not an Integer"));
        assertEquals(10, store.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), drain(store));
    }

    @Test
    void poll_comparatorThrowsMidway_heapUnchangedAndTheHeadStays() {
        boolean[] fail = {false};
        HeapStore<Integer> store = new HeapStore<>(4, (a, b) -> {
            if (fail[0]) {
                throw new IllegalStateException("comparator down");
            }
            return Integer.compare(a, b);
        });
        for (int i = 0; i < 20; i++) {
            store.add(i);
        }
        fail[0] = true;
        assertThrows(IllegalStateException.class, store::poll);
        fail[0] = false;
        assertEquals(20, store.size());
        assertEquals(0, store.poll());
        assertEquals(19, store.size());
    }

    @Test
    void addAndPoll_randomAgainstASortedModel_agree() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        HeapStore<Integer> store = new HeapStore<>(2, null);
        java.util.PriorityQueue<Integer> model = new java.util.PriorityQueue<>();
        for (int step = 0; step < 50_000; step++) {
            if (random.nextInt(3) > 0 || model.isEmpty()) {
                int v = random.nextInt(1000);
                store.add(v);
                model.add(v);
            } else {
                assertEquals(model.poll(), store.poll(), "seed " + seed);
            }
        }
        assertEquals(model.size(), store.size(), "seed " + seed);
        store.clear();
        assertEquals(0, store.size());
    }
}
