package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.internal.LoopAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Close hooks: run once at close, in order, a removed one not at all, a failing one reported. */
class CloseActionsTest {

    @Test
    void close_runsHooksOnceInOrder_skipsRemovedOnes_reportsFailures() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        List<String> log = new ArrayList<>();
        loop.setExceptionHandler((context, t) -> log.add("reported " + t.getMessage()));
        LoopAccess bridge = LoopAccess.get();
        bridge.onClose(loop, () -> log.add("first"));
        Runnable remove = bridge.onClose(loop, () -> log.add("removed"));
        bridge.onClose(loop, () -> {
            throw new IllegalStateException("boom");
        });
        bridge.onClose(loop, () -> log.add("last"));
        remove.run();

        loop.close();
        loop.close();

        assertEquals(List.of("first", "reported boom", "last"), log);
        assertThrows(IllegalStateException.class, () -> bridge.onClose(loop, () -> { }));
    }
}
