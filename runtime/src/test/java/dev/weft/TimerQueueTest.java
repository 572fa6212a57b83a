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
    void cancel_queuedTimer_removesItAtOnceAndKeepsOrder() {
        List<TimerHandle> all = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            all.add(add(i));
        }
        for (int i = 0; i < all.size(); i += 2) {
            all.get(i).cancel(); // even deadlines: 100, 98, ... 2
        }
        assertEquals(50, queue.size());
        long previous = Long.MIN_VALUE;
        for (Object o = queue.poll(); o != null; o = queue.poll()) {
            TimerHandle t = (TimerHandle) o;
            assertTrue(!t.cancelled() && t.deadlineNanos() % 2 == 1 && t.deadlineNanos() > previous);
            previous = t.deadlineNanos();
        }
    }

    @Test
    void cancel_seededRandomRemovals_leaveAValidHeap() {
        long seed = 7L;
        Random random = new Random(seed);
        List<TimerHandle> live = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            live.add(add(random.nextInt(500)));
            if (random.nextInt(3) == 0) {
                live.remove(random.nextInt(live.size())).cancel();
            }
        }
        live.sort(Comparator.comparingLong(TimerHandle::deadlineNanos)); // stable: keeps seq order
        assertEquals(live.size(), queue.size());
        for (TimerHandle t : live) {
            assertSame(t, queue.poll(), "seed " + seed);
        }
    }

    @Test
    void cancel_afterPoll_doesNothingToTheQueue() {
        TimerHandle t = add(5);
        TimerHandle other = add(6);
        assertSame(t, queue.poll());
        t.cancel();
        assertEquals(1, queue.size());
        assertSame(other, queue.peek());
    }

    @Test
    void peekDeadline_afterRemovingTheEarliest_isTheNextLiveOne() {
        TimerHandle first = add(10);
        add(20);
        first.cancel();
        assertEquals(20, queue.peekDeadline());
    }

    @Test
    void clear_withTimers_emptiesQueueAndUnlinksEntries() {
        TimerHandle t = add(1);
        add(2).cancel();
        queue.clear();
        assertEquals(0, queue.size());
        assertNull(queue.peek());
        t.cancel(); // no longer queued: nothing to remove
        assertEquals(0, queue.size());
    }
}
