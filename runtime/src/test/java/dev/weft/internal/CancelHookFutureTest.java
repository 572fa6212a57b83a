package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Clock;
import dev.weft.EventLoop;
import dev.weft.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A future whose cancellation runs a hook in the cancel call itself, once. */
class CancelHookFutureTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void cancel_pending_runsTheHookBeforeAnyCallbackAndOnlyOnce() {
        List<String> log = new ArrayList<>();
        Future<Object> f = new CancelHookFuture<>(loop, () -> log.add("hook"));
        f.addDoneCallback(x -> log.add("callback"));

        assertTrue(f.cancel("first"));
        log.add("after cancel");
        assertFalse(f.cancel("second"));
        loop.runUntilComplete(doneSoon());

        assertEquals(List.of("hook", "after cancel", "callback"), log);
        assertTrue(f.cancelled());
    }

    private Future<Void> doneSoon() {
        Future<Void> f = loop.createFuture();
        loop.callSoon(() -> f.setResult(null));
        return f;
    }

    @Test
    void setResultOrException_neverRunTheHook() {
        List<String> log = new ArrayList<>();
        Future<Object> ok = new CancelHookFuture<>(loop, () -> log.add("hook ok"));
        Future<Object> failed = new CancelHookFuture<>(loop, () -> log.add("hook failed"));

        ok.setResult("v");
        failed.setException(new IllegalStateException("x"));

        assertFalse(ok.cancel());
        assertFalse(failed.cancel());
        assertEquals(List.of(), log);
    }

    @Test
    void constructor_nullHook_rejected() {
        assertThrows(NullPointerException.class, () -> new CancelHookFuture<>(loop, null));
    }
}
