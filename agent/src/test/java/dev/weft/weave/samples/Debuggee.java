package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * The program {@code DebuggerTest} runs, woven, under a debugger: {@code n} is dead after the
 * await, {@code label} and {@code doubled} are live across it. The marker comments name the
 * lines the test puts breakpoints on.
 */
public final class Debuggee {
    private Debuggee() {
    }

    @Async
    static Coroutine<Integer> work(int n, String label) {
        int doubled = n * 2; // before the await
        Weft.await(Weft.sleep(1));
        String shown = label + doubled; // after the await
        return Weft.done(shown.length());
    }

    public static void main(String[] args) {
        System.out.println(Weft.run(work(42, "x")));
    }
}
