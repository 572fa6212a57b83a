package dev.weft.examples;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;

/** Seed 001 §1.6.2: {@code Weft.gather} returns results in argument order. */
public final class GatherPhases {
    private GatherPhases() {
    }

    @Async
    static Coroutine<String> phase1() {
        System.out.println("in phase1");
        Weft.await(Weft.sleep(2000));
        System.out.println("done with phase1");
        return Weft.done("phase1 result");
    }

    @Async
    static Coroutine<String> phase2() {
        System.out.println("in phase2");
        Weft.await(Weft.sleep(1000));
        System.out.println("done with phase2");
        return Weft.done("phase2 result");
    }

    @Async
    static Coroutine<Void> main() {
        System.out.println("starting main");
        System.out.println("waiting for phases to complete");
        List<String> results = Weft.await(Weft.gather(phase1(), phase2()));
        System.out.println("results: " + Repr.list(results));
        return Weft.done();
    }

    /** Gathers two phases of different lengths. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(main());
        } finally {
            loop.close();
        }
    }
}
