package dev.weft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The future {@link Weft#gather} answers: completes with the children's results in argument
 * order once all are done. Without {@code returnExceptions} the first failure completes it with
 * that exception (the other children keep running, as in asyncio); with it, exceptions take
 * their child's place in the list. Cancelling it cancels every child — asyncio's gather could
 * leave its children running.
 *
 * <p>Loop thread only.
 */
final class Gathering<T> extends Future<List<T>> {
    private final List<Future<T>> children;
    private final Object[] results;
    private final boolean returnExceptions;
    private int pending;

    Gathering(EventLoop loop, List<Future<T>> children, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.results = new Object[children.size()];
        this.returnExceptions = returnExceptions;
        this.pending = children.size();
        if (pending == 0) {
            setResult(List.of());
        }
        for (int i = 0; i < children.size(); i++) {
            int index = i;
            children.get(i).addDoneCallback(f -> childDone(index, f));
        }
    }

    @SuppressWarnings("unchecked")
    private void childDone(int index, Future<T> child) {
        if (done()) {
            return;
        }
        if (child.cancelled() || child.exception() != null) {
            Throwable error = child.cancelled() ? new CancelledError("a gathered child was cancelled")
                    : child.exception();
            if (!returnExceptions) {
                completeError(error);
                return;
            }
            results[index] = error;
        } else {
            results[index] = child.result();
        }
        if (--pending == 0) {
            completeValue(Collections.unmodifiableList(new ArrayList<>((List<T>) Arrays.asList(results))));
        }
    }

    /** Cancels every child that is still running, and this future. */
    @Override
    public boolean cancel(String msg) {
        if (done()) {
            return false;
        }
        for (Future<T> child : children) {
            child.cancel(msg);
        }
        return super.cancel(msg);
    }
}
