package dev.weft.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.VirtualTime;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Async tests on virtual time, run by the weft engine itself: time is read and moved by the test. */
@WeftTest
class VirtualTimeTest {

    @AsyncTest
    @Async
    Coroutine<Void> anHourOfSleepTakesNoRealTime(TestLoop t) {
        long realStart = System.nanoTime();
        Weft.await(Weft.sleep(Duration.ofHours(1)));
        long realNanos = System.nanoTime() - realStart;
        assertEquals(Duration.ofHours(1), t.currentTime());
        assertTrue(realNanos < 1_000_000_000L, "an hour of virtual sleep took " + realNanos + " ns of real time");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> tick(List<Long> log, TestLoop t, int times, long everyMillis) {
        for (int i = 0; i < times; i++) {
            Weft.await(Weft.sleep(everyMillis));
            log.add(t.currentTimeMillis());
        }
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> advanceBy_runsWhatIsDueUpToThenAndStopsThere(TestLoop t) {
        List<Long> log = new ArrayList<>();
        Task<Void> ticker = Weft.createTask(tick(log, t, 5, 1000));
        Weft.await(t.advanceBy(Duration.ofMillis(2500)));
        assertEquals(List.of(1000L, 2000L), log);
        assertEquals(2500, t.currentTimeMillis());
        Weft.await(t.advanceBy(Duration.ofMillis(500))); // a tick due exactly at the target runs
        assertEquals(List.of(1000L, 2000L, 3000L), log);
        assertEquals(3000, t.currentTimeMillis());
        assertFalse(ticker.done());
        Weft.await(t.runUntilIdle());
        assertTrue(ticker.done());
        assertEquals(List.of(1000L, 2000L, 3000L, 4000L, 5000L), log);
        assertEquals(5000, t.currentTimeMillis());
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> advanceBy_withNothingScheduled_movesTheClockAnyway(TestLoop t) {
        Weft.await(t.advanceBy(Duration.ofMinutes(3)));
        assertEquals(Duration.ofMinutes(3), t.currentTime());
        Weft.await(t.runUntilIdle());
        assertEquals(Duration.ofMinutes(3), t.currentTime());
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> advanceBy_backwards_failsWithAClearMessage(TestLoop t) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.advanceBy(Duration.ofSeconds(-5)));
        assertEquals("cannot advance virtual time backwards by PT-5S: time only moves forward; "
                + "pass a zero or positive duration", e.getMessage());
        return Weft.done();
    }

    @AsyncTest
    @Async
    Coroutine<Void> theVirtualClock_fromAnotherThread_failsWithAClearMessage(TestLoop t) throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                t.advanceBy(Duration.ofSeconds(1));
            } catch (Throwable e) {
                error.set(e);
            }
        }, "intruder");
        other.start();
        other.join();
        assertTrue(error.get() instanceof IllegalStateException, String.valueOf(error.get()));
        assertTrue(error.get().getMessage().startsWith("TestLoop.advanceBy() was called on thread "
                + "'intruder', but the test's loop runs on thread 'weft-test dev.weft.junit."
                + "VirtualTimeTest.theVirtualClock_fromAnotherThread_failsWithAClearMessage()'"), error.get().getMessage());
        assertEquals(Duration.ZERO, t.currentTime(), "on the loop thread it answers");
        return Weft.done();
    }

    @AsyncTest
    @RealTime
    @Async
    Coroutine<Void> realTime_refusesToMoveTime(TestLoop t) {
        assertFalse(t.isVirtual());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.runUntilIdle());
        assertTrue(e.getMessage().contains("this test runs on real time (@RealTime)"), e.getMessage());
        try {
            Weft.await(VirtualTime.runUntilIdle());
            throw new AssertionError("VirtualTime ran on the system clock");
        } catch (IllegalStateException direct) {
            assertEquals("VirtualTime.runUntilIdle() needs a loop on virtual time "
                    + "(EventLoop.create(Clock.virtual())); this one runs on Clock.system()", direct.getMessage());
        }
        Weft.await(Weft.sleep(20));
        assertTrue(t.currentTimeMillis() >= 20);
        return Weft.done();
    }

    @AsyncTest
    @Async
    static Coroutine<String> aStaticTestWithoutParameters() {
        Weft.await(Weft.sleep(Duration.ofDays(1)));
        return Weft.done("a value is allowed and ignored");
    }
}
