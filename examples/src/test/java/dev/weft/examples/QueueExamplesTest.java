package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Clock;
import dev.weft.EventLoop;
import dev.weft.examples.queue.WorkerQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the output test cannot see in seed 003's worker queue, whose numbers it normalises away:
 * on virtual time with a seeded {@link Random}, the example prints exactly what a hand
 * simulation of three workers taking twenty sleeps in turn predicts — which worker finishes each
 * sleep, in which order, the elapsed time and the total. (The producer/consumer trace of seed
 * 000 has no numbers to hide; {@code ExamplesTest} compares it line for line.)
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueExamplesTest {

    @Test
    void workerQueue_onVirtualTime_printsWhatASimulationOfThreeWorkersPredicts() {
        long seed = 20_201_125L;
        String actual = ExampleOutput.printedBy(
                        () -> WorkerQueue.runOn(EventLoop.create(Clock.virtual()), new Random(seed)))
                .replace(System.lineSeparator(), "\n");

        assertEquals(simulate(new Random(seed)), actual);
    }

    /** Three workers, each taking the next sleep as soon as it is free; lowest index first on ties. */
    private static String simulate(Random random) {
        double[] sleeps = new double[20];
        double total = 0;
        for (int i = 0; i < sleeps.length; i++) {
            sleeps[i] = 0.05 + random.nextDouble() * (1.0 - 0.05);
            total += sleeps[i];
        }
        long[] freeAt = new long[3];
        List<long[]> finishes = new ArrayList<>(); // {finish time, worker, item}
        for (int item = 0; item < sleeps.length; item++) {
            int w = 0;
            for (int k = 1; k < 3; k++) {
                if (freeAt[k] < freeAt[w]) {
                    w = k;
                }
            }
            freeAt[w] += Math.round(sleeps[item] * 1e9);
            finishes.add(new long[] {freeAt[w], w, item});
        }
        finishes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        StringBuilder out = new StringBuilder();
        for (long[] f : finishes) {
            out.append("worker-").append(f[1]).append(" has slept for ")
               .append(String.format(Locale.ROOT, "%.2f", sleeps[(int) f[2]])).append(" seconds\n");
        }
        long end = Math.max(freeAt[0], Math.max(freeAt[1], freeAt[2]));
        out.append("====\n")
           .append("3 workers slept in parallel for ").append(String.format(Locale.ROOT, "%.2f", end / 1e9))
           .append(" seconds\n")
           .append("total expected sleep time: ").append(String.format(Locale.ROOT, "%.2f", total))
           .append(" seconds\n");
        return out.toString();
    }
}
