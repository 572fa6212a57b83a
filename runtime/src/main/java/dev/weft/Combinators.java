package dev.weft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code as_completed} and {@code shield}: futures whose outcomes follow other futures'.
 *
 * <p>Loop thread only; stateless.
 */
final class Combinators {
    private Combinators() {
    }

    /**
     * One future per awaitable, completed in the order the awaitables finish: the first with the
     * first outcome, and so on; after {@code timeout} (if not null) the rest fail with
     * {@link TimeoutError}.
     */
    static <T> List<Future<T>> asCompleted(EventLoop loop, List<Future<T>> futures, Duration timeout) {
        List<Future<T>> outs = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            outs.add(loop.createFuture());
        }
        int[] next = {0};
        TimerHandle timer = timeout == null ? null : loop.callLater(timeout, () -> {
            for (int i = next[0]; i < outs.size(); i++) {
                outs.get(i).setException(new TimeoutError("as_completed timed out"));
            }
            next[0] = outs.size();
        });
        for (Future<T> f : futures) {
            f.addDoneCallback(done -> {
                if (next[0] >= outs.size()) {
                    return;
                }
                FutureOf.copy(done, outs.get(next[0]++));
                if (next[0] == outs.size() && timer != null) {
                    timer.cancel();
                }
            });
        }
        return List.copyOf(outs);
    }

    /** A future with {@code inner}'s outcome whose cancellation does not reach {@code inner}. */
    static <T> Future<T> shield(EventLoop loop, Future<T> inner) {
        Future<T> outer = loop.createFuture();
        inner.addDoneCallback(f -> FutureOf.copy(f, outer));
        return outer;
    }
}
