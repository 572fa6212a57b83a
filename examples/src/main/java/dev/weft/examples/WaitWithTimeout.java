package dev.weft.examples;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.ReturnWhen;
import dev.weft.WaitResult;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001 §1.6.1: {@code Weft.wait} with a timeout leaves the slow phases pending (it never
 * cancels them); the program cancels them itself. The timeout is 50 ms rather than the seed's
 * 100 ms: at 100 ms it falls due together with phase 1's sleep, and which runs first would depend
 * on how late the loop wakes (in Python too).
 */
public final class WaitWithTimeout {
    private WaitWithTimeout() {
    }

    @Async
    static Coroutine<String> phase(int i) {
        System.out.println("in phase " + i);
        try {
            Weft.await(Weft.sleep(100L * i));
        } catch (CancelledError e) {
            System.out.println("phase " + i + " canceled");
            throw e;
        }
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
        System.out.println("waiting 0.05 for phases to complete");
        WaitResult<String> waited = Weft.await(Weft.wait(phases, Duration.ofMillis(50), ReturnWhen.ALL_COMPLETED));
        System.out.println(waited.done().size() + " completed and " + waited.pending().size() + " pending");
        if (!waited.pending().isEmpty()) {
            System.out.println("canceling tasks");
            for (Future<String> t : waited.pending()) {
                t.cancel();
            }
        }
        System.out.println("exiting main");
        return Weft.done();
    }

    /** Runs three phases for at most 0.1 s. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(main(3));
        } finally {
            loop.close();
        }
    }
}
