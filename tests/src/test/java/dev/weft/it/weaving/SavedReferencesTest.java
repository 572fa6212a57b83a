package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * A reference saved at one suspension and restored is cleared from the frame: once its last use
 * has passed, the next suspension does not keep it reachable (the never-saved case is in
 * {@code ConstructorArgumentsTest}).
 */
class SavedReferencesTest {

    /** Whether the referent is collected within a few collections while the caller stays suspended. */
    @Async
    static Coroutine<Boolean> collectedWhileSuspended(WeakReference<?> ref) {
        for (int i = 0; i < 10 && ref.get() != null; i++) {
            System.gc();
            Weft.await(Weft.sleep(1));
        }
        return Weft.done(ref.get() == null);
    }

    @Async
    static Coroutine<String> holdsThenDrops() {
        byte[] big = new byte[8 << 20];
        WeakReference<byte[]> ref = new WeakReference<>(big);
        Weft.await(Weft.sleep(1)); // 'big' is live here: saved in the frame, restored on resume
        int length = big.length;   // its last use
        // Suspended again (inside the awaited coroutine): the frame must not still hold 'big'.
        boolean collected = Weft.await(collectedWhileSuspended(ref));
        return Weft.done(length + " " + collected);
    }

    @Test
    void restoredReference_pastItsLastUse_isUnreachableWhileTheFrameIsSuspended() {
        assertEquals((8 << 20) + " true", Weft.run(holdsThenDrops()));
    }
}
