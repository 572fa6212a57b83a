package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * For {@link KeyboardInterruptExampleTest}, run in a child JVM (with {@code -Xrs}): prints what
 * {@code addSignalHandler("INT", ...)} answers, from inside a {@code Weft.run} that must work
 * all the same.
 */
public final class SignalProbe {
    private SignalProbe() {
    }

    @Async
    static Coroutine<String> probe() {
        try {
            Weft.loop().addSignalHandler("INT", () -> { });
            return Weft.done("installed");
        } catch (UnsupportedOperationException e) {
            return Weft.done(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Prints the outcome of adding a SIGINT handler. */
    public static void main(String[] args) {
        System.out.println(Weft.run(probe()));
    }
}
