package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Clock;
import dev.weft.EventLoop;
import dev.weft.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A loop future standing for a CompletionStage: outcomes in, cancellation out. */
class StageFuturesTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final List<String> reports = new ArrayList<>();

    StageFuturesTest() {
        loop.setExceptionHandler((where, t) -> reports.add(where + " | " + t));
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void cancel_bridgeOfCompletableFuture_cancelsTheStageAtOnce() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> bridge = StageFutures.of(cf, loop);

        assertTrue(bridge.cancel());

        assertTrue(cf.isCancelled(), "the stage is cancelled in the cancel call");
        assertFalse(bridge.cancel());
        loop.runUntilComplete(loop.createTask(dev.weft.Weft.sleep(1)));
        assertTrue(bridge.cancelled(), "the stage's own cancellation does not overwrite the bridge");
        assertEquals(List.of(), reports);
    }

    @Test
    void complete_stageFailsWrapped_bridgeGetsTheOriginalException() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> bridge = StageFutures.of(cf, loop);
        IllegalStateException original = new IllegalStateException("boom");

        cf.completeExceptionally(new CompletionException(original));
        loop.runUntilComplete(loop.createTask(dev.weft.Weft.sleep(1)));

        assertSame(original, bridge.exception());
    }

    @Test
    void cancel_stageRefusingCancellation_leftAloneWithoutReport() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Future<String> bridge = StageFutures.of(source.minimalCompletionStage(), loop);

        assertTrue(bridge.cancel());

        assertFalse(source.isDone());
        assertEquals(List.of(), reports);
    }
}
