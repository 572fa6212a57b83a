package dev.weft.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The peer of {@link HeapProbe}: COUNT virtual threads, each parked at the bottom of DEPTH nested
 * calls; prints the heap they hold after a full GC divided by COUNT (thread objects, continuation
 * and stack chunks). {@code java -cp benchmarks.jar dev.weft.bench.VirtualThreadHeapProbe COUNT DEPTH}.
 */
public final class VirtualThreadHeapProbe {
    private VirtualThreadHeapProbe() {
    }

    static void descend(int depth, CountDownLatch parked) {
        if (depth > 1) {
            descend(depth - 1, parked);
            return;
        }
        parked.countDown();
        for (;;) {
            LockSupport.park();
        }
    }

    /** Prints {@code vthread COUNT DEPTH BYTES_PER_THREAD}. */
    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        int depth = Integer.parseInt(args[1]);
        long before = HeapProbe.usedAfterGc();
        CountDownLatch parked = new CountDownLatch(count);
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = Thread.ofVirtual().start(() -> descend(depth, parked));
        }
        parked.await();
        Thread.sleep(200); // let the last ones finish unmounting
        long perThread = (HeapProbe.usedAfterGc() - before - 4L * count) / count; // minus our array
        System.out.println("vthread " + count + " " + depth + " " + perThread);
        System.exit(0);
    }
}
