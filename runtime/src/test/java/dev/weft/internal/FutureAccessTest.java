package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Clock;
import dev.weft.EventLoop;
import dev.weft.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two runtime-only operations on a future: a result computed when taken, and reuse. */
class FutureAccessTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final FutureAccess hooks = FutureAccess.get();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void completeDeferred_pendingFuture_isDoneAndComputesTheResultEachTimeItIsTaken() {
        Future<Object> f = loop.createFuture();
        List<String> log = new ArrayList<>();
        f.addDoneCallback(x -> log.add("callback"));
        int[] takes = {0};

        assertTrue(hooks.completeDeferred(f, () -> ++takes[0]));

        assertTrue(f.done());
        assertEquals(0, takes[0], "nothing is computed before the result is taken");
        assertEquals("<Future finished result=<computed when taken>>", f.toString());
        assertEquals(1, f.result());
        assertEquals(2, f.result());
        loop.runUntilComplete(dev.weft.Weft.sleep(0));
        assertEquals(List.of("callback"), log);
    }

    @Test
    void completeDeferred_sourceThrows_takerGetsThatException() {
        Future<Object> f = loop.createFuture();
        IllegalStateException boom = new IllegalStateException("boom");
        hooks.completeDeferred(f, () -> {
            throw boom;
        });

        assertSame(boom, assertThrows(IllegalStateException.class, f::result));
    }

    @Test
    void completeDeferred_doneFuture_returnsFalse() {
        Future<Object> f = loop.createFuture();
        f.setResult("x");

        assertFalse(hooks.completeDeferred(f, () -> "y"));
        assertEquals("x", f.result());
    }

    @Test
    void reset_doneFuture_isPendingAgainAndCanCompleteAgain() {
        Future<Object> f = loop.createFuture();
        f.setResult("first");

        hooks.reset(f);

        assertFalse(f.done());
        f.setResult("second");
        assertEquals("second", f.result());
    }

    @Test
    void reset_pendingFuture_throws() {
        Future<Object> f = loop.createFuture();

        assertThrows(IllegalStateException.class, () -> hooks.reset(f));
    }
}
