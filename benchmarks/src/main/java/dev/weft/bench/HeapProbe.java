package dev.weft.bench;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.lang.management.ManagementFactory;

/**
 * Heap per suspended coroutine: {@code java -cp benchmarks.jar dev.weft.bench.HeapProbe COUNT
 * DEPTH} starts COUNT tasks, each asleep for a day at the bottom of DEPTH nested awaits, and
 * prints the heap they hold after a full GC divided by COUNT (everything a sleeping task keeps:
 * task, frames, timer entry). Run it in a fresh JVM per configuration; the peer is
 * {@code VirtualThreadHeapProbe} (JDK 21+).
 *
 * <p>Not a JMH benchmark: it measures retained memory, not time.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    @Async
    static Coroutine<Void> sleeper(int depth) {
        if (depth > 1) {
            Weft.await(sleeper(depth - 1));
            return Weft.done();
        }
        Weft.await(Weft.sleep(86_400_000L));
        return Weft.done();
    }

    @Async
    static Coroutine<Long> startAll(int count, int depth) {
        long before = usedAfterGc();
        for (int i = 0; i < count; i++) {
            Weft.createTask(sleeper(depth));
        }
        Weft.await(Weft.sleep(0)); // every task has run its first step and is asleep
        Weft.await(Weft.sleep(0));
        return Weft.done((usedAfterGc() - before) / count);
    }

    static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Prints {@code weft COUNT DEPTH BYTES_PER_TASK}. */
    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int depth = Integer.parseInt(args[1]);
        EventLoop loop = EventLoop.create(Clock.virtual());
        long perTask = loop.runUntilComplete(startAll(count, depth));
        System.out.println("weft " + count + " " + depth + " " + perTask);
        System.exit(0); // the sleepers would keep the loop's work pending forever
    }
}
