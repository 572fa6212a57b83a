package dev.weft.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RESULTS.md section for {@link ChatHeartbeatProbe} (issue 19 point 2: during the 1,000-client
 * chat broadcast the loop's 10 ms heartbeat is late by at most 50 ms): the probe runs a few times,
 * each in a fresh JVM, and the median of its worst lateness is judged, beside the loop thread's
 * own CPU between two beats (the lateness the loop itself causes, which a loaded machine does not
 * inflate).
 *
 * <p>Not thread-safe; called once by {@link RunAll}.
 */
final class HeartbeatReport {
    private static final Pattern LATE = Pattern.compile("late by at most ([0-9.]+) ms");
    private static final Pattern BUSY = Pattern.compile("beats at most ([0-9.]+) ms over");
    private static final double GOAL_MS = 50;
    /** What the figures mean, and what would close a miss (issue 19 asks for it). */
    private static final String WHY = "\nWrites are batched per loop iteration: a connection written "
            + "to N times in one iteration costs one system call at the iteration's end, not N. Before "
            + "that, the loop thread's own CPU between two beats reached 417 to 616 ms in this probe; "
            + "after it, 20 to 63 ms (same probe, same machine, the runs of the change). The wall-clock "
            + "lateness adds the time the loop thread waits for a CPU: the 950 reading clients run on a "
            + "second loop in the same JVM, on 2 cores, so here much of that figure is scheduling, not "
            + "the loop. What is left of the loop's own time is the worst iteration's data: 40 lines of "
            + "1 KB to 1,000 clients, copied into the write queues, then into the direct buffer, then "
            + "into the kernel. Closing it: a write that keeps a buffer the caller hands over instead "
            + "of copying it, and a cap on the bytes one iteration flushes, so a broadcast spreads over "
            + "iterations and timers run between them.\n";

    private HeartbeatReport() {
    }

    static String markdown(int runs) throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder("\n## Chat broadcast: the loop's 10 ms heartbeat "
                + "(goal: late by ≤ 50 ms)\n\n`ChatHeartbeatProbe`, ")
                .append(runs).append(" runs, a fresh JVM each:\n\n");
        List<Double> late = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String line = lastLine();
            md.append("- ").append(line).append('\n');
            Matcher l = LATE.matcher(line);
            Matcher b = BUSY.matcher(line);
            if (l.find() && b.find()) {
                late.add(Double.parseDouble(l.group(1)));
                busy.add(Double.parseDouble(b.group(1)));
            }
        }
        if (late.isEmpty()) {
            return md.append("\nGoal: not measured (the probe failed).\n").toString();
        }
        double lateMs = median(late);
        double busyMs = median(busy);
        md.append(String.format(Locale.ROOT, "%nGoal, heartbeat late by ≤ 50 ms: median worst "
                + "lateness %.1f ms, %s; the loop thread's own CPU between beats, median %.1f ms "
                + "over the period.%n", lateMs,
                lateMs <= GOAL_MS ? "met" : String.format(Locale.ROOT, "**missed** by %.1f ms", lateMs - GOAL_MS),
                busyMs));
        return md.append(WHY).toString();
    }

    private static String lastLine() throws IOException, InterruptedException {
        RunAll.LastLine r = RunAll.lastLine(ChatHeartbeatProbe.class.getName(), List.of("-Dweft.watchdog=false"));
        return r.exit() == 0 ? r.line() : "the probe exited " + r.exit() + ": " + r.line();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
