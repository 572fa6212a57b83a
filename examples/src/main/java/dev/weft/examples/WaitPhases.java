package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.WaitResult;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001 §1.6.1: {@code Weft.wait} until several phases are done. {@code WaitResult.done()}
 * keeps the order the phases were given in, so the results print in that order (the Python copy
 * sorts its set to match).
 */
public final class WaitPhases {
    private WaitPhases() {
    }

    @Async
    static Coroutine<String> phase(int i) {
        System.out.println("in phase " + i);
        Weft.await(Weft.sleep(100L * i));
        System.out.println("done with phase " + i);
        return Weft.done("phase " + i + " result");
    }

    @Async
    static Coroutine<Void> main(int numPhases) {
        System.out.println("starting main");
        List<Coroutine<String>> phases = new ArrayList<>();
        for (int i = 0; i < numPhases; i++) {
            phases.add(phase(i));
        }
        System.out.println("waiting for phases to complete");
        WaitResult<String> waited = Weft.await(Weft.wait(phases));
        List<String> results = new ArrayList<>();
        for (Future<String> t : waited.done()) {
            results.add(t.result());
        }
        System.out.println("results: " + Repr.list(results));
        return Weft.done();
    }

    /** Runs three phases and waits for all of them. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(main(3));
        } finally {
            loop.close();
        }
    }
}
