package dev.weft;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The future {@link Weft#wait} answers: completes with the done/pending split as soon as its
 * {@link ReturnWhen} condition holds or the timeout passes. It never cancels anything.
 *
 * <p>Loop thread only.
 */
final class Waiting<T> extends Future<WaitResult<T>> {
    private final List<Future<T>> futures;
    private final ReturnWhen when;
    private TimerHandle timer;

    Waiting(EventLoop loop, List<Future<T>> futures, Duration timeout, ReturnWhen when) {
        super(loop);
        this.futures = futures;
        this.when = when;
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Weft.wait needs at least one awaitable");
        }
        if (timeout != null) {
            timer = loop.callLater(timeout, this::finish);
        }
        for (Future<T> f : futures) {
            f.addDoneCallback(this::check);
        }
    }

    private void check(Future<T> justDone) {
        if (done()) {
            return;
        }
        boolean ready;
        switch (when) {
            case FIRST_COMPLETED:
                ready = true;
                break;
            case FIRST_EXCEPTION:
                ready = (!justDone.cancelled() && justDone.exception() != null) || allDone();
                break;
            default:
                ready = allDone();
                break;
        }
        if (ready) {
            finish();
        }
    }

    private boolean allDone() {
        for (Future<T> f : futures) {
            if (!f.done()) {
                return false;
            }
        }
        return true;
    }

    private void finish() {
        if (done()) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        Set<Future<T>> doneSet = new LinkedHashSet<>();
        Set<Future<T>> pendingSet = new LinkedHashSet<>();
        for (Future<T> f : futures) {
            (f.done() ? doneSet : pendingSet).add(f);
        }
        setResult(new WaitResult<>(Collections.unmodifiableSet(doneSet), Collections.unmodifiableSet(pendingSet)));
    }
}
