package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;

/** Seed 001 §1.6.3: {@code Weft.asCompleted} hands results over as the phases finish. */
public final class AsCompletedPhases {
    private AsCompletedPhases() {
    }

    @Async
    static Coroutine<String> phase(int i) {
        System.out.println("in phase " + i);
        Weft.await(Weft.sleep(500 - 100L * i));
        System.out.println("done with phase " + i);
        return Weft.done("phase " + i + " result");
    }

    @Async
    static Coroutine<List<String>> main(int numPhases) {
        System.out.println("starting main");
        List<Coroutine<String>> phases = new ArrayList<>();
        for (int i = 0; i < numPhases; i++) {
            phases.add(phase(i));
        }
        System.out.println("waiting for phases to complete");
        List<String> results = new ArrayList<>();
        for (Future<String> nextToComplete : Weft.<String>asCompleted(phases)) {
            String answer = Weft.await(nextToComplete);
            System.out.println("received answer " + Repr.of(answer));
            results.add(answer);
        }
        System.out.println("results: " + Repr.list(results));
        return Weft.done(results);
    }

    /** Runs three phases that finish in the reverse of their start order. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(main(3));
        } finally {
            loop.close();
        }
    }
}
