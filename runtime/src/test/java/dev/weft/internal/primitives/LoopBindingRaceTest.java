package dev.weft.internal.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Clock;
import dev.weft.EventLoop;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two threads, each running a loop of its own, that use the same unbound primitive at the same
 * moment: exactly one binds it, the other is refused. A binding written with a plain store
 * could let both pass, and the primitive would then be used from two threads at once.
 */
class LoopBindingRaceTest {
    private static final int ROUNDS = 200;

    @Test
    @Timeout(60)
    void check_twoLoopThreadsRaceToBind_exactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            LoopBinding binding = new LoopBinding();
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger bound = new AtomicInteger();
            List<Throwable> refused = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> useOnOwnLoop(binding, start, bound, refused), "loop-" + i);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(1, bound.get(), "round " + round + ": exactly one loop binds it");
            assertEquals(1, refused.size(), "round " + round + ": the other is refused");
            assertTrue(refused.get(0) instanceof IllegalStateException, String.valueOf(refused));
        }
    }

    private static void useOnOwnLoop(LoopBinding binding, CyclicBarrier start, AtomicInteger bound,
            List<Throwable> refused) {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            loop.callSoon(() -> {
                try {
                    start.await();
                    binding.check("<primitive>");
                    bound.incrementAndGet();
                } catch (IllegalStateException e) {
                    refused.add(e);
                } catch (Exception e) {
                    refused.add(e);
                }
            });
            loop.runUntilComplete(Weft.sleep(0));
        } finally {
            loop.close();
        }
    }
}
