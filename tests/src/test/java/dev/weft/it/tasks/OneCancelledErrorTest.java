package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Clock;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@link CancelledError} per cancellation (issue 12, point 4), on virtual time. The Python
 * 3.13 twin: {@code t.cancel("first"), t.cancel("second")} on a sleeping task are both True; the
 * task sees {@code ('first',)} with {@code cancelling() == 2}; the first awaiter gets that very
 * exception. asyncio hands every later reader a new, message-less {@code CancelledError};
 * weft deliberately hands everyone the same instance, message, cause and stack trace included.
 * An unstarted task cancelled twice ends with the last message ({@code ('b',)}), as in asyncio.
 */
class OneCancelledErrorTest {

    @Async
    static Coroutine<Void> sleeper(List<String> log) {
        try {
            Weft.await(Weft.sleep(1000));
        } catch (CancelledError e) {
            log.add("sleeper got " + e.getMessage() + " cancelling " + Weft.currentTask().get().cancelling());
            throw e;
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> awaiter(Task<Void> t, List<CancelledError> out) {
        try {
            Weft.await(t);
        } catch (CancelledError e) {
            out.add(e);
        }
        return Weft.done();
    }

    @Async
    static Coroutine<String> main(List<String> log) {
        Task<Void> t = Weft.createTask(sleeper(log));
        List<CancelledError> out = new ArrayList<>();
        List<Task<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(Weft.createTask(awaiter(t, out)));
        }
        Weft.await(Weft.sleep(0));
        log.add(t.cancel("first") + " " + t.cancel("second"));
        Weft.await(Weft.gather(waiters));
        for (int i = 0; i < 100; i++) {
            try {
                Weft.await(t);
            } catch (CancelledError e) {
                out.add(e);
            }
        }
        out.add(assertThrows(CancelledError.class, t::result));
        out.add(assertThrows(CancelledError.class, t::exception));
        for (CancelledError e : out) {
            assertSame(out.get(0), e, "every reader gets the same CancelledError");
        }
        log.add(out.size() + " readers, message " + out.get(0).getMessage());
        log.add(t.cancelled() + " " + t.cancel("third") + " " + t.cancelling());
        Task<Void> unstarted = Weft.createTask(sleeper(log));
        log.add(unstarted.cancel("a") + " " + unstarted.cancel("b"));
        try {
            Weft.await(unstarted);
        } catch (CancelledError e) {
            assertSame(e, assertThrows(CancelledError.class, unstarted::result));
            log.add("unstarted " + e.getMessage());
        }
        return Weft.done("done");
    }

    @Test
    void awaitersOfACancelledTask_allGetTheOneErrorTheTaskEndedWith() {
        List<String> log = new ArrayList<>();
        assertEquals("done", new VirtualLoop().runWithoutReports(() -> main(log)));
        assertEquals(List.of("true true", "sleeper got first cancelling 2",
                "105 readers, message first", "true false 2", "true true", "unstarted b"), log);
    }

    @Test
    void cancelledFuture_resultAndException_throwTheSameInstance() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            Future<String> f = loop.createFuture();
            f.cancel("why");
            CancelledError first = assertThrows(CancelledError.class, f::result);
            assertSame(first, assertThrows(CancelledError.class, f::exception));
            assertSame(first, assertThrows(CancelledError.class, f::result));
            assertEquals("why", first.getMessage());
        } finally {
            loop.close();
        }
    }
}
