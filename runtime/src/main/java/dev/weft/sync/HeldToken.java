package dev.weft.sync;

/**
 * The {@link Held} that {@code hold()} completes with: releases its primitive once.
 *
 * <p>One small object per {@code hold()}, so that closing twice cannot release a hold that
 * belongs to someone else. Confined to the primitive's loop thread.
 */
final class HeldToken implements Held {
    private Runnable release;

    /** @param release the primitive's {@code release}, shared by all its tokens */
    HeldToken(Runnable release) {
        this.release = release;
    }

    @Override
    public void close() {
        Runnable r = release;
        if (r != null) {
            r.run(); // first: if it throws (wrong thread), the token still holds
            release = null;
        }
    }

    @Override
    public String toString() {
        return release != null ? "<Held>" : "<Held released>";
    }
}
