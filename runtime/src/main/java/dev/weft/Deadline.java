package dev.weft;

import java.time.Duration;

/**
 * The future {@link Weft#waitFor} answers: the inner awaitable's outcome, or — once the timeout
 * passes — the inner is cancelled, its cleanup is awaited, and this completes with
 * {@link TimeoutError} (or with the inner's value if it swallowed the cancellation and returned
 * one). Cancelling this future cancels the inner.
 *
 * <p>Loop thread only.
 */
final class Deadline<T> extends Future<T> {
    private final Future<T> inner;
    private final TimerHandle timer;
    private boolean timedOut;

    Deadline(EventLoop loop, Future<T> inner, Duration timeout) {
        super(loop);
        this.inner = inner;
        this.timer = loop.callLater(timeout, this::expire);
        inner.addDoneCallback(this::innerDone);
    }

    private void expire() {
        timedOut = true;
        inner.cancel("timed out"); // its cleanup runs; innerDone then reports the timeout
    }

    private void innerDone(Future<T> f) {
        timer.cancel();
        if (done()) {
            return;
        }
        if (f.cancelled() && timedOut) {
            setException(new TimeoutError("timed out waiting for " + inner));
        } else {
            FutureOf.copy(f, this);
        }
    }

    @Override
    public boolean cancel(String msg) {
        if (done()) {
            return false;
        }
        timer.cancel();
        inner.cancel(msg);
        return super.cancel(msg);
    }
}
