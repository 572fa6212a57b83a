package dev.weft.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The RESULTS.md section for {@link WeaveBench}: weaving one {@code @Async} class, reported by
 * its median (the benchmark runs in sample mode, so a few slow samples — a GC, a class loaded for
 * the first time — do not decide the figure), with the goal of issue 19 (median under 1 ms).
 *
 * <p>Not thread-safe; called once by {@link RunAll}.
 */
final class WeaveReport {
    private static final String SHARED = "WeaveBench.weaveOneAsyncClass";
    private static final String NEW_PIPELINE = "WeaveBench.weaveOneAsyncClassNewPipeline";
    private static final String PASS_OVER = "WeaveBench.passOverClassWithoutAsync";
    private static final double GOAL_MICROS = 1000;

    private WeaveReport() {
    }

    static String markdown(Collection<RunResult> results) {
        StringBuilder md = new StringBuilder("\n## Weaving one `@Async` class (goal: median < 1 ms)\n\n")
                .append("| benchmark | median | mean | unit |\n|---|---:|---:|---|\n");
        Result<?> shared = null;
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String key = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
            if (!key.startsWith("WeaveBench.")) {
                continue;
            }
            Result<?> p = r.getPrimaryResult();
            boolean sampled = !key.equals(PASS_OVER);
            md.append("| `").append(key).append("` | ")
              .append(sampled ? fmt(p.getStatistics().getPercentile(50)) : "—").append(" | ")
              .append(fmt(p.getScore())).append(" | ").append(p.getScoreUnit()).append(" |\n");
            if (key.equals(SHARED)) {
                shared = p;
            }
        }
        md.append("\n`").append(SHARED).append("` reuses the agent's per-loader pipeline; `")
          .append(NEW_PIPELINE).append("` is a loader's first class; `").append(PASS_OVER)
          .append("` is the agent's whole cost for a class without `@Async`.\n\n");
        if (shared == null) {
            return md.append("Goal: not measured in this run.\n").toString();
        }
        double median = toMicros(shared.getStatistics().getPercentile(50), shared.getScoreUnit());
        return md.append("Goal, median < 1 ms: ").append(fmt(median)).append(" µs, ")
                 .append(median < GOAL_MICROS ? "met" : "**missed** by " + fmt(median / GOAL_MICROS) + "×")
                 .append(".\n").toString();
    }

    private static double toMicros(double value, String unit) {
        if (unit.startsWith("ns")) {
            return value / 1000;
        }
        if (unit.startsWith("ms")) {
            return value * 1000;
        }
        return value; // us/op, the benchmark's own unit
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
    }
}
