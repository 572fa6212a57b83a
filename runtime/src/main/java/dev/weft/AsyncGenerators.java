package dev.weft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The async generators of one loop that were started and have not finished: what asyncio's
 * {@code shutdown_asyncgens} closes, so their {@code finally} blocks run before the loop closes.
 *
 * <p>A generator joins when its body first runs on this loop and leaves when it ends (exhausted,
 * failed or closed). It is held weakly, as asyncio's {@code WeakSet} holds it: a generator the
 * program dropped without closing is not kept in memory by the loop. Unlike asyncio, weft cannot
 * run the cleanup of a generator that was garbage collected (Java gives no code a chance to run
 * on a collected object); close generators you leave early, with try-with-resources or
 * {@link AsyncGenerator#aclose()}.
 *
 * <p>Threading: confined to the loop's thread.
 */
final class AsyncGenerators {
    private final EventLoop loop;
    /** Identity keys: a generator frame does not override {@code equals}. */
    private final Map<AsyncGenerator<?>, Boolean> open = new WeakHashMap<>();

    AsyncGenerators(EventLoop loop) {
        this.loop = loop;
    }

    void started(AsyncGenerator<?> generator) {
        open.put(generator, Boolean.TRUE);
    }

    void finished(AsyncGenerator<?> generator) {
        open.remove(generator);
    }

    /**
     * Closes every open generator, each in a task of its own and all at once, as asyncio's
     * {@code shutdown_asyncgens} gathers their {@code aclose()}; the future completes when all
     * are closed. A generator whose cleanup fails (or that yields again) is reported to the
     * exception handler with the generator as the source; it does not fail the future.
     */
    Future<Void> shutdown() {
        List<AsyncGenerator<?>> closing = new ArrayList<>(open.keySet());
        open.clear();
        Future<Void> all = loop.createFuture();
        if (closing.isEmpty()) {
            all.setResult(null);
            return all;
        }
        int[] left = {closing.size()};
        for (AsyncGenerator<?> generator : closing) {
            Task<Void> task = loop.createTask(generator.aclose());
            task.addDoneCallback(t -> {
                if (!t.cancelled() && t.exception() != null) {
                    loop.reportException("an error occurred during closing of asynchronous generator "
                            + generator, t.exception(), generator);
                }
                if (--left[0] == 0) {
                    all.setResult(null);
                }
            });
        }
        return all;
    }
}
