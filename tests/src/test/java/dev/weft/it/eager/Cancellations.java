package dev.weft.it.eager;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code join()} throws for a cancelled future: the stored {@link CancellationException}
 * up to JDK 21, a new one with the stored one as its cause on newer JDKs (25 among them).
 */
final class Cancellations {
    private Cancellations() {
    }

    /** Joins the cancelled {@code cf} and answers the {@link CancelledError} it was cancelled with. */
    static CancelledError joinCancelled(CompletableFuture<?> cf) {
        assertTrue(cf.isCancelled(), cf + " is cancelled");
        CancellationException e = assertThrows(CancellationException.class, cf::join);
        Throwable stored = e instanceof CancelledError ? e : e.getCause();
        assertTrue(stored instanceof CancelledError, "cancelled with a CancelledError: " + e);
        return (CancelledError) stored;
    }
}
