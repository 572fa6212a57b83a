package dev.weft.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import dev.weft.sync.Barrier;
import dev.weft.sync.Condition;
import dev.weft.sync.Event;
import dev.weft.sync.Lock;
import dev.weft.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the primitives bind to a loop (lazily, on first use in one), and what happens when they are
 * used from another thread or waited on from another loop.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopBindingTest {

    /** Runs {@code use} on a thread of the common pool and answers what it threw, or null. */
    @Async
    static Coroutine<Throwable> onAnotherThread(Runnable use) {
        return Weft.done(Weft.await(CompletableFuture.supplyAsync(() -> {
            try {
                use.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        })));
    }

    @Async
    static Coroutine<List<String>> wrongThread(Lock lock, Event event, Condition cond, Semaphore sem,
            Barrier barrier) {
        // bind each one by a first use on the loop
        Weft.await(lock.acquire());
        event.clear();
        Weft.await(cond.acquire());
        Weft.await(sem.acquire());
        barrier.nWaiting();
        Map<String, Runnable> uses = Map.of(
                "Lock.release", lock::release,
                "Event.set", event::set,
                "Condition.signal", cond::signal,
                "Semaphore.release", sem::release,
                "Barrier.abort", barrier::abort,
                "Lock.locked", lock::locked);
        List<String> messages = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(uses.keySet())) {
            Throwable t = Weft.await(onAnotherThread(uses.get(name)));
            assertNotNull(t, name + " from another thread did not fail");
            assertTrue(t instanceof IllegalStateException, name + ": " + t);
            messages.add(t.getMessage());
        }
        // nothing changed, and everything is still usable on the loop
        assertTrue(lock.locked());
        assertFalse(event.isSet());
        assertFalse(barrier.broken());
        assertEquals(0, sem.availablePermits());
        lock.release();
        event.set();
        cond.signal();
        cond.release();
        sem.release();
        Task<Integer> party = Weft.createTask(arrive(barrier));
        Weft.await(Weft.sleep(0));
        assertEquals(1, Weft.await(barrier.arrive()));
        assertEquals(0, Weft.await(party));
        return Weft.done(messages);
    }

    @Async
    static Coroutine<Integer> arrive(Barrier barrier) {
        return Weft.done(Weft.await(barrier.arrive()));
    }

    @Test
    void use_fromAnotherThreadOnceBound_failsWithIllegalStateAndChangesNothing() {
        List<String> messages = new VirtualLoop().runWithoutReports(() -> wrongThread(new Lock(),
                new Event(), new Condition(), new Semaphore(1), new Barrier(2)));
        String loopThread = Thread.currentThread().getName();
        for (String m : messages) {
            assertTrue(m.contains("belongs to the event loop of thread '" + loopThread
                    + "' but was used from thread '"), m);
            assertFalse(m.contains("used from thread '" + loopThread + "'"), m);
        }
        assertTrue(messages.get(0).startsWith("<Barrier [filling, waiters:0/2]>"), messages.get(0));
        assertTrue(messages.get(1).startsWith("<Condition [locked]>"), messages.get(1));
    }

    @Async
    static Coroutine<Void> useEvent(Event event) {
        assertTrue(event.isSet());
        event.clear();
        Task<Void> waiter = Weft.createTask(waitForEvent(event));
        Weft.await(Weft.sleep(0));
        event.set();
        Weft.await(waiter);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> waitForEvent(Event event) {
        Weft.await(event.untilSet());
        return Weft.done();
    }

    @Test
    void firstUse_onAThreadWithoutLoop_bindsNothing_soTheLoopMayUseItLater() throws Exception {
        AtomicReference<Event> made = new AtomicReference<>();
        Thread creator = new Thread(() -> {
            Event e = new Event();
            e.set(); // no loop runs here: allowed, nothing could be waiting
            made.set(e);
        });
        creator.start();
        creator.join();
        new VirtualLoop().runWithoutReports(() -> useEvent(made.get()));
    }

    @Test
    void use_beforeBindingFromAnotherThreadThanTheCreator_failsWithIllegalState() throws Exception {
        Semaphore sem = new Semaphore(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread stranger = new Thread(() -> {
            try {
                sem.release();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "stranger");
        stranger.start();
        stranger.join();
        assertTrue(failure.get() instanceof IllegalStateException, String.valueOf(failure.get()));
        assertEquals("<Semaphore [unlocked, value:1]> used from thread 'stranger' before any event loop"
                + " used it: until then only its creator, thread '" + Thread.currentThread().getName()
                + "', may use it", failure.get().getMessage());
        assertEquals(1, sem.availablePermits()); // unchanged, and still usable by its creator
    }

    @Async
    static Coroutine<Void> holdOnce(Lock lock) {
        Weft.await(lock.acquire());
        return Weft.done();
    }

    @Async
    static Coroutine<String> waitOnSecondLoop(Lock lock) {
        lock.locked(); // same thread as the first loop, which is still open: allowed
        try {
            Weft.await(lock.acquire()); // held since the first loop: would wait on this loop
            return Weft.done("waited");
        } catch (IllegalStateException e) {
            return Weft.done(e.getMessage());
        }
    }

    @Test
    void wait_fromALaterLoopThanTheOneItIsBoundTo_failsWithIllegalState() {
        Lock lock = new Lock();
        VirtualLoop first = new VirtualLoop();
        try {
            first.loop.runUntilComplete(holdOnce(lock)); // binds the lock to first, which stays open
            assertEquals(List.of(), first.reports, "exceptions the first loop reported");
            String message = new VirtualLoop().runWithoutReports(() -> waitOnSecondLoop(lock));
            assertTrue(message.startsWith("<Lock [locked]> is bound to a different event loop"), message);
        } finally {
            first.loop.close();
        }
    }

    @Async
    static Coroutine<String> useOnSecondLoop(Lock lock) {
        try {
            lock.locked();
            return Weft.done("used");
        } catch (IllegalStateException e) {
            return Weft.done(e.getMessage());
        }
    }

    @Test
    void use_afterTheLoopItIsBoundToClosed_failsWithIllegalState() {
        Lock lock = new Lock();
        new VirtualLoop().runWithoutReports(() -> holdOnce(lock)); // closes the loop the lock is bound to
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::locked);
        assertEquals("event loop is closed", e.getMessage());
        assertEquals("event loop is closed",
                new VirtualLoop().runWithoutReports(() -> useOnSecondLoop(lock)));
    }

    @Async
    static Coroutine<Void> loopOnAnotherThread(Lock lock) {
        Weft.await(lock.acquire());
        lock.release();
        return Weft.done();
    }

    @Async
    static Coroutine<Void> useAndStop(Lock lock) {
        Weft.await(loopOnAnotherThread(lock));
        Weft.loop().stop();
        return Weft.done();
    }

    @Test
    void use_afterTheLoopMovedToAnotherThread_followsTheLoop() throws Exception {
        Lock lock = new Lock();
        VirtualLoop first = new VirtualLoop();
        dev.weft.EventLoop loop = first.loop;
        loop.runUntilComplete(loopOnAnotherThread(lock)); // bound to this thread's run
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Task<Void> second = loop.createTask(useAndStop(lock));
        Thread runner = new Thread(() -> {
            try {
                loop.runForever(); // the same loop, now run by another thread
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        runner.start();
        runner.join();
        loop.close();
        assertEquals(null, failure.get());
        assertTrue(second.done() && !second.cancelled() && second.exception() == null, second::toString);
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::locked);
        assertTrue(e.getMessage().contains("but was used from thread '" + Thread.currentThread().getName()),
                e.getMessage());
    }
}
