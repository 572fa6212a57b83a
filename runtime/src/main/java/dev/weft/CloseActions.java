package dev.weft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a loop runs when it closes, for the packages that own resources outside the selector: a
 * subprocess's pipe threads and its child, which the selector cannot close for them (see the
 * subprocess package). Registered through {@link dev.weft.internal.LoopAccess#onClose}, so
 * the core knows only {@link Runnable}s and never imports those packages.
 *
 * <p>Actions run once, in registration order, at the start of {@link EventLoop#close()}; one that
 * throws is reported and the others still run. Adding and removing is O(1), so an action per
 * short-lived resource is cheap.
 *
 * <p>Threading: synchronized, because {@code close()} may run on another thread than the loop's
 * once the loop has stopped.
 */
final class CloseActions {
    private final LinkedHashSet<Runnable> hooks = new LinkedHashSet<>();
    private boolean ran;

    /**
     * Adds {@code hook}; returns what removes it again.
     *
     * @throws IllegalStateException if the loop has already closed
     */
    synchronized Runnable add(Runnable hook) {
        if (ran) {
            throw new IllegalStateException("event loop is closed");
        }
        hooks.add(hook);
        return () -> remove(hook);
    }

    private synchronized void remove(Runnable hook) {
        hooks.remove(hook);
    }

    /** Runs every hook once; later calls do nothing. */
    void runAll(EventLoop loop) {
        List<Runnable> toRun;
        synchronized (this) {
            if (ran) {
                return;
            }
            ran = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        for (Runnable hook : toRun) {
            try {
                hook.run();
            } catch (RuntimeException | Error e) {
                loop.reportException("Exception in a close hook " + hook, e);
            }
        }
    }
}
