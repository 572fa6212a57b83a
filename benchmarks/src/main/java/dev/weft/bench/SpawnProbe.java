package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import dev.weft.sync.Semaphore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spawning children, weft against plain threads: {@code java -cp benchmarks.jar
 * dev.weft.bench.SpawnProbe MODE STREAMS [COUNT [PARALLEL]]} runs COUNT (1,000) {@code true}
 * processes, at most PARALLEL (50) at a time, and prints the wall time, the peak number of live
 * threads and the peak resident set size of this JVM.
 *
 * <ul>
 *   <li>MODE {@code weft}: one loop; each child is a task that takes a weft {@link Semaphore}
 *       slot, {@link Subprocess#exec}s and awaits {@code waitFor()} (or {@code communicate()}).
 *   <li>MODE {@code threads}: {@link ProcessBuilder} with a platform thread per child that
 *       blocks in {@link Process#waitFor()} (reading stdout to EOF first when piped), slots
 *       from a {@link java.util.concurrent.Semaphore}.
 *   <li>STREAMS {@code inherit}: the child's streams are this JVM's (no pipes, so weft starts no
 *       pump); {@code pipe}: stdout is piped and read to EOF (one pump per child in weft).
 * </ul>
 *
 * <p>Run each configuration in a fresh JVM: the RSS figure is the JVM's high-water mark
 * ({@code VmHWM} of {@code /proc/self/status}, Linux only). Both modes include the JDK's own
 * "process reaper" threads (one per running child) in the thread peak. Not a JMH benchmark: it
 * measures a one-shot workload's resources, not a steady-state time.
 */
public final class SpawnProbe {
    private SpawnProbe() {
    }

    @Async
    static Coroutine<Integer> one(Semaphore slots, boolean pipe) {
        Weft.await(slots.acquire());
        try {
            SubprocessOptions options = pipe ? SubprocessOptions.defaults().stdout(Stdio.PIPE)
                    : SubprocessOptions.defaults();
            Subprocess p = Weft.await(Subprocess.exec(List.of("true"), options));
            if (pipe) {
                Weft.await(p.communicate());
                return Weft.done(p.returnCode());
            }
            return Weft.done(Weft.await(p.waitFor()));
        } finally {
            slots.release();
        }
    }

    @Async
    static Coroutine<Integer> weft(int count, int parallel, boolean pipe) {
        Semaphore slots = new Semaphore(parallel);
        List<Task<Integer>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(Weft.createTask(one(slots, pipe)));
        }
        int failed = 0;
        for (Task<Integer> t : tasks) {
            failed += Weft.await(t) == 0 ? 0 : 1;
        }
        return Weft.done(failed);
    }

    static int threads(int count, int parallel, boolean pipe) throws InterruptedException {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(parallel);
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.acquire();
            Thread t = new Thread(() -> {
                try {
                    ProcessBuilder pb = new ProcessBuilder("true");
                    if (!pipe) {
                        pb.inheritIO();
                    } else {
                        pb.redirectInput(ProcessBuilder.Redirect.INHERIT)
                                .redirectError(ProcessBuilder.Redirect.INHERIT);
                    }
                    Process p = pb.start();
                    if (pipe) {
                        try (InputStream in = p.getInputStream()) {
                            in.readAllBytes();
                        }
                    }
                    if (p.waitFor() != 0) {
                        failed.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                } finally {
                    slots.release();
                }
            });
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            t.join();
        }
        return failed.get();
    }

    /** The JVM's peak resident set in MiB, or -1 off Linux. */
    static long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Prints {@code MODE STREAMS COUNT PARALLEL wall_ms peak_threads peak_rss_mib failed}. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean pipe = args[1].equals("pipe");
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.resetPeakThreadCount();
        int before = mx.getThreadCount();
        long t0 = System.nanoTime();
        int failed = mode.equals("weft") ? Weft.run(weft(count, parallel, pipe))
                : threads(count, parallel, pipe);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%s %s count=%d parallel=%d wall_ms=%d threads_before=%d peak_threads=%d"
                + " peak_rss_mib=%d failed=%d%n", mode, args[1], count, parallel, ms, before,
                mx.getPeakThreadCount(), peakRssMib(), failed);
    }
}
