package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    private static final Runnable NOOP = () -> { };

    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final TimerQueue queue = new TimerQueue();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private TimerHandle add(long deadline) {
        TimerHandle t = new TimerHandle(loop, NOOP, deadline);
        queue.add(t);
        return t;
    }

    @Test
    void poll_distinctDeadlines_earliestFirst() {
        TimerHandle late = add(300);
        TimerHandle early = add(100);
        TimerHandle middle = add(200);
        assertSame(early, queue.poll());
        assertSame(middle, queue.poll());
        assertSame(late, queue.poll());
        assertNull(queue.poll());
    }

    @Test
    void poll_equalDeadlines_inSchedulingOrder() {
        List<TimerHandle> added = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            added.add(add(42));
        }
        for (TimerHandle t : added) {
            assertSame(t, queue.poll());
        }
    }

    @Test
    void poll_seededRandomDeadlines_matchesStableSort() {
        long seed = 20240611L;
        Random random = new Random(seed);
        List<TimerHandle> added = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            added.add(add(random.nextInt(100)));
        }
        added.sort(Comparator.comparingLong(TimerHandle::deadlineNanos)); // stable: keeps order
        for (TimerHandle t : added) {
            assertSame(t, queue.poll(), "seed " + seed);
        }
    }

    @Test
    void poll_deadlinesAcrossLongOverflow_comparedBySubtraction() {
        TimerHandle afterWrap = add(Long.MIN_VALUE + 5); // 15 ns after the one below
        TimerHandle beforeWrap = add(Long.MAX_VALUE - 9);
        assertSame(beforeWrap, queue.poll());
        assertSame(afterWrap, queue.poll());
    }

    @Test
    void dropCancelled_cancelledAtTop_removesThemAndStopsAtLiveTimer() {
        TimerHandle first = add(1);
        TimerHandle second = add(2);
        TimerHandle third = add(3);
        TimerHandle fourth = add(4);
        TimerHandle fifth = add(5);
        for (int i = 0; i < 5; i++) {
            add(10 + i); // enough live timers that three cancellations do not trigger compaction
        }
        first.cancel();
        second.cancel();
        fourth.cancel();
        assertEquals(3, queue.cancelledCount());
        queue.dropCancelled();
        assertSame(third, queue.peek());
        assertEquals(8, queue.size());
        assertEquals(1, queue.cancelledCount());
        assertSame(third, queue.poll());
        assertTrue(queue.poll().cancelled());
        assertEquals(0, queue.cancelledCount());
        assertSame(fifth, queue.poll());
    }

    @Test
    void cancel_moreThanHalfCancelled_compactsAndKeepsOrder() {
        List<TimerHandle> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(add(100 - i));
        }
        for (int i = 0; i < 50; i++) {
            all.get(2 * i).cancel(); // even deadlines: 100, 98, ... 2
        }
        assertEquals(100, queue.size(), "exactly half cancelled: no compaction yet");
        all.get(1).cancel(); // deadline 99: now more than half are cancelled
        assertEquals(49, queue.size());
        assertEquals(0, queue.cancelledCount());
        long previous = Long.MIN_VALUE;
        for (TimerHandle t = queue.poll(); t != null; t = queue.poll()) {
            assertTrue(!t.cancelled() && t.deadlineNanos() % 2 == 1 && t.deadlineNanos() > previous);
            previous = t.deadlineNanos();
        }
        assertEquals(97, previous);
    }

    @Test
    void cancel_afterPoll_leavesCountsUntouched() {
        TimerHandle t = add(1);
        add(2);
        assertSame(t, queue.poll());
        t.cancel();
        assertEquals(0, queue.cancelledCount());
        assertEquals(1, queue.size());
    }

    @Test
    void clear_withTimers_emptiesQueue() {
        add(1);
        add(2).cancel();
        queue.clear();
        assertEquals(0, queue.size());
        assertEquals(0, queue.cancelledCount());
        assertNull(queue.peek());
    }
}
