package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Handle;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The exception handler's context (issue 12, point 11). The Python 3.13 twin: a failing
 * {@code call_soon} callback gives the keys {@code exception, handle, message}; a task never
 * retrieved gives {@code exception, future, message}; a task failing in {@code asyncio.run}'s
 * shutdown gives {@code exception, message, task}.
 */
class ExceptionContextTest {

    @Test
    void failingCallback_contextNamesItsHandle_andTheStringFormStillWorks() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        List<ExceptionContext> contexts = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        try {
            loop.setExceptionHandler((Consumer<ExceptionContext>) contexts::add);
            Handle h = loop.callSoon(() -> {
                throw new IllegalArgumentException("bad callback");
            });
            loop.stop();
            loop.runForever();
            loop.setExceptionHandler((BiConsumer<String, Throwable>) (m, t) -> strings.add(m + " | " + t.getMessage()));
            loop.callSoon(() -> {
                throw new IllegalArgumentException("second");
            });
            loop.stop();
            loop.runForever();
            assertEquals(1, contexts.size());
            ExceptionContext ctx = contexts.get(0);
            assertSame(h, ctx.handle().orElseThrow());
            assertTrue(ctx.task().isEmpty());
            assertTrue(ctx.message().startsWith("Exception in callback"), ctx.message());
            assertEquals("bad callback", ctx.exception().getMessage());
            assertEquals(1, strings.size());
            assertTrue(strings.get(0).startsWith("Exception in callback") && strings.get(0).endsWith(" | second"), strings.get(0));
        } finally {
            loop.close();
        }
    }

    @Test
    void callExceptionHandler_passesAnyKindOfSource() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        List<ExceptionContext> contexts = new ArrayList<>();
        try {
            loop.setExceptionHandler((Consumer<ExceptionContext>) contexts::add);
            loop.setExceptionHandler(ctx -> contexts.add(ctx)); // a one-argument lambda needs no cast
            StringBuilder transport = new StringBuilder("a transport");
            loop.callExceptionHandler(new ExceptionContext("Fatal read error", null, transport));
            ExceptionContext ctx = contexts.get(0);
            assertSame(transport, ctx.source(StringBuilder.class).orElseThrow());
            assertTrue(ctx.future().isEmpty() && ctx.handle().isEmpty() && ctx.source(String.class).isEmpty());
            assertEquals(null, ctx.exception());
        } finally {
            loop.close();
        }
    }

    @Async
    static Coroutine<Void> failsWhenCancelled() {
        try {
            Weft.await(Weft.sleep(1000));
        } catch (CancelledError e) {
            throw new IllegalStateException("cleanup failed");
        }
        return Weft.done();
    }

    @Async
    static Coroutine<String> leavesAFailingTask(List<ExceptionContext> contexts, List<Task<?>> left) {
        Weft.loop().setExceptionHandler((Consumer<ExceptionContext>) contexts::add);
        left.add(Weft.createTask(failsWhenCancelled(), "leftover"));
        Weft.await(Weft.sleep(0));
        return Weft.done("main done");
    }

    @Test
    void taskFailingDuringRunShutdown_contextNamesTheTask() {
        List<ExceptionContext> contexts = new ArrayList<>();
        List<Task<?>> left = new ArrayList<>();
        assertEquals("main done", Weft.run(leavesAFailingTask(contexts, left)));
        assertEquals(1, contexts.size(), contexts::toString);
        ExceptionContext ctx = contexts.get(0);
        assertTrue(ctx.message().startsWith("unhandled exception during Weft.run() shutdown"), ctx.message());
        assertSame(left.get(0), ctx.task().orElseThrow());
        assertEquals("leftover", ctx.task().get().getName());
        assertEquals("cleanup failed", ctx.exception().getMessage());
    }
}
