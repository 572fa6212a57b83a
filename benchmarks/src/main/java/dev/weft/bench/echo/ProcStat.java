package dev.weft.bench.echo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time a process has used, from {@code /proc/<pid>/stat} (Linux): fields 14 and 15,
 * {@code utime} and {@code stime}, in clock ticks ({@code getconf CLK_TCK}, 100 almost
 * everywhere), converted to nanoseconds. Covers every thread of the process: loop, JIT, GC.
 *
 * <p>Immutable; safe on any thread.
 */
record ProcStat(long userNanos, long systemNanos) {
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();

    /** The CPU time process {@code pid} has used so far. */
    static ProcStat of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count after it.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        return new ProcStat(Long.parseLong(f[11]) * NANOS_PER_TICK, Long.parseLong(f[12]) * NANOS_PER_TICK);
    }

    /** Whether this platform has {@code /proc/<pid>/stat}. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the Linux default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
