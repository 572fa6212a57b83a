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
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), NANOS_PER_TICK);
    }

    /**
     * Parses one {@code /proc/<pid>/stat} line.
     *
     * @throws IllegalArgumentException if the line is not a stat line
     */
    static ProcStat parse(String stat, long nanosPerTick) {
        // The command name (field 2) is in parentheses and may hold spaces and parentheses
        // itself: count the fields after the last ')'.
        int close = stat.lastIndexOf(')');
        String[] f = close < 0 ? new String[0] : stat.substring(close + 1).trim().split(" +");
        if (f.length < 13) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        return new ProcStat(Long.parseLong(f[11]) * nanosPerTick, Long.parseLong(f[12]) * nanosPerTick);
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
