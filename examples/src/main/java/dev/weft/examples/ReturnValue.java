package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Returns a value from a coroutine: {@code return Weft.done(value)} completes the coroutine, and
 * {@link EventLoop#runUntilComplete(Coroutine)} hands that value back to the code that started
 * it.
 *
 * <p>Mirrors seed 001, section 1.2.2 ("从协程返回值"); prints exactly what the Python program
 * prints.
 */
public final class ReturnValue {
    private ReturnValue() {
    }

    @Async
    static Coroutine<String> coroutine() {
        System.out.println("in coroutine");
        return Weft.done("result");
    }

    /** Runs the example; takes no arguments. */
    public static void main(String[] args) {
        EventLoop eventLoop = EventLoop.create();
        try {
            String returnValue = eventLoop.runUntilComplete(coroutine());
            System.out.println("it returned: " + Repr.of(returnValue));
        } finally {
            eventLoop.close();
        }
    }
}
