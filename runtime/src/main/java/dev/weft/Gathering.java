package dev.weft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The future {@link Weft#gather} answers: completes with the children's results in argument
 * order once all are done. Without {@code returnExceptions} the first failure completes it with
 * that exception (the other children keep running, as in asyncio); with it, exceptions take
 * their child's place in the list.
 *
 * <p>Cancellation, as in asyncio 3.13: {@link #cancel(String)} requests cancellation of every
 * child still running and returns whether any child took the request. The gather itself stays
 * pending until its <em>last</em> child is done, so the children's cleanup (a {@code finally}
 * that awaits) is not cut off, and whoever awaits the gather ({@link Weft#waitFor} included)
 * waits for it; then the gather ends cancelled, whatever the children ended with (CPython issue
 * 32684), with the {@link CancelledError} of a child that was cancelled (or a new one with the
 * message, if every child swallowed its cancellation). A {@code cancel()} that comes after every
 * child finished but before the gather completed cancels nothing and returns false: the result
 * is kept (CPython issue 26923). Where weft differs: without {@code returnExceptions}, asyncio
 * ends a cancelled gather as soon as its first child ends, with an exception rather than
 * cancelled, leaving the other children's cleanup running unobserved; weft waits for all.
 *
 * <p>A child that fails after the gather is done has its exception read here, so it is not
 * reported as never retrieved (asyncio does the same).
 *
 * <p>Loop thread only.
 */
final class Gathering<T> extends Future<List<T>> {
    private final List<Future<T>> children;
    private final Object[] results;
    private final boolean returnExceptions;
    private int pending;
    /** Whether {@link #cancel(String)} reached a child: the gather then ends cancelled. */
    private boolean cancelRequested;
    private String cancelMessage;
    /** The {@link CancelledError} of a cancelled child, for the gather's own cancellation. */
    private CancelledError childCancel;

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

    private void childDone(int index, Future<T> child) {
        pending--;
        Throwable error = child.cancelled() ? child.cancelledError() : child.exception(); // reads it
        if (done()) {
            return;
        }
        if (error instanceof CancelledError && childCancel == null) {
            childCancel = (CancelledError) error;
        }
        if (error != null && !returnExceptions && !cancelRequested) {
            completeError(error);
            return;
        }
        results[index] = error != null ? error : child.result();
        if (pending == 0) {
            allDone();
        }
    }

    @SuppressWarnings("unchecked")
    private void allDone() {
        if (cancelRequested) {
            completeCancelled(childCancel != null ? childCancel : new CancelledError(cancelMessage));
        } else {
            completeValue(Collections.unmodifiableList(new ArrayList<>((List<T>) Arrays.asList(results))));
        }
    }

    /**
     * Requests cancellation of every child that is still running; the gather ends cancelled once
     * the last child is done (see the class comment). Calling it again repeats the request.
     *
     * @return true if a child took the request; false if the gather is done or every child
     *     already was (the gather then completes with its children's outcomes)
     */
    @Override
    public boolean cancel(String msg) {
        getLoop().checkThread();
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<T> child : children) {
            any |= child.cancel(msg);
        }
        if (any) {
            cancelRequested = true;
            cancelMessage = msg;
        }
        return any;
    }
}
