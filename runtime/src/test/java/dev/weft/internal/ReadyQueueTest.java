package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadyQueueTest {

    @Test
    void poll_empty_returnsNull() {
        ReadyQueue q = new ReadyQueue();
        assertNull(q.poll());
        assertTrue(q.isEmpty());
    }

    @Test
    void poll_afterPushes_returnsInFifoOrder() {
        ReadyQueue q = new ReadyQueue();
        for (int i = 0; i < 5; i++) {
            q.push(i);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll());
    }

    @Test
    void push_beyondCapacityWhileWrapped_growsAndKeepsOrder() {
        ReadyQueue q = new ReadyQueue();
        int next = 0;
        int expected = 0;
        // Move the head into the middle of the array so that growth must unroll a wrapped ring.
        for (int i = 0; i < 10; i++) {
            q.push(next++);
        }
        for (int i = 0; i < 7; i++) {
            assertEquals(expected++, q.poll());
        }
        for (int i = 0; i < 100; i++) {
            q.push(next++);
        }
        assertEquals(next - expected, q.size());
        while (!q.isEmpty()) {
            assertEquals(expected++, q.poll());
        }
        assertEquals(next, expected);
    }

    @Test
    void size_interleavedPushAndPoll_tracksCount() {
        ReadyQueue q = new ReadyQueue();
        for (int round = 0; round < 1000; round++) {
            q.push("a");
            q.push("b");
            q.poll();
            assertEquals(round + 1, q.size());
        }
    }

    @Test
    void clear_nonEmpty_leavesEmptyReusableQueue() {
        ReadyQueue q = new ReadyQueue();
        for (int i = 0; i < 40; i++) {
            q.push(i);
        }
        q.clear();
        assertTrue(q.isEmpty());
        assertNull(q.poll());
        q.push("x");
        assertEquals("x", q.poll());
    }

    @Test
    void poll_drainedAfterHugeBurstThenSmallRun_shrinksBuffer() {
        ReadyQueue q = new ReadyQueue();
        int burst = ReadyQueue.TRIM_ABOVE * 2;
        for (int i = 0; i < burst; i++) {
            q.push(i);
        }
        for (int i = 0; i < burst; i++) {
            assertEquals(i, q.poll());
        }
        int grown = q.capacity();
        assertTrue(grown >= burst, "kept while the burst drains: " + grown);
        q.push("a");
        q.push("b");
        assertEquals("a", q.poll());
        assertEquals("b", q.poll());
        assertTrue(q.capacity() <= 16, "shrunk after a small run: " + q.capacity());
        for (int i = 0; i < 100; i++) {
            q.push(i);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(i, q.poll()); // still a working FIFO after the shrink
        }
    }

    @Test
    void poll_drainedRepeatedlyUnderTrimThreshold_neverReallocates() {
        ReadyQueue q = new ReadyQueue();
        for (int round = 0; round < 3; round++) {
            int n = round == 1 ? 5 : ReadyQueue.TRIM_ABOVE;
            for (int i = 0; i < n; i++) {
                q.push(i);
            }
            while (q.poll() != null) {
                // drain
            }
        }
        assertEquals(ReadyQueue.TRIM_ABOVE, q.capacity(), "a buffer at the threshold is kept");
    }

    @Test
    void progress_changesWithEveryPoll() {
        ReadyQueue q = new ReadyQueue();
        q.push("a");
        q.push("b");
        int p0 = q.progress();
        q.poll();
        int p1 = q.progress();
        q.poll();
        assertTrue(p0 != p1 && p1 != q.progress());
    }

    @Test
    void poll_acrossTheWrapOfTheUnmaskedCounter_keepsFifoOrderAndGrows() throws Exception {
        ReadyQueue q = new ReadyQueue();
        java.lang.reflect.Field head = ReadyQueue.class.getDeclaredField("head");
        head.setAccessible(true);
        head.setInt(q, Integer.MAX_VALUE - 5); // as after two billion polls
        int next = 0;
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 40; i++) { // past the initial capacity: grows mid-wrap
                q.push(next + i);
            }
            for (int i = 0; i < 40; i++) {
                assertEquals(next + i, q.poll());
            }
            next += 40;
        }
        assertNull(q.poll());
    }
}
