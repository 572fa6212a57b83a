package dev.weft.bench;

import dev.weft.bench.echo.EchoReport;
import dev.weft.bench.echo.EchoResult;
import dev.weft.bench.echo.EchoSuite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite — every JMH benchmark with the GC profiler (for B/op), then the heap
 * probes in fresh JVMs, then the echo suite ({@link EchoSuite}, a server JVM per server) — and
 * writes the results as markdown, with SVG charts beside it ({@link ResultCharts}):
 * {@code java -cp benchmarks.jar dev.weft.bench.RunAll OUTPUT.md [--quick]}.
 * {@code --quick} (one fork, short iterations) is for checking the pipeline, not for figures.
 *
 * <p>Runs on the calling thread; the benchmarks and probes fork their own JVMs.
 */
public final class RunAll {
    private RunAll() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Path out = Path.of(args.length > 0 ? args[0] : "RESULTS.md");
        boolean quick = List.of(args).contains("--quick");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RunAll.class.getPackageName() + ".*Bench")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (quick) {
            options.forks(1).warmupIterations(1).measurementIterations(2)
                    .warmupTime(TimeValue.milliseconds(200)).measurementTime(TimeValue.milliseconds(200));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<String> heap = new ArrayList<>();
        int[] counts = quick ? new int[] {100_000} : new int[] {100_000, 1_000_000};
        for (int count : counts) {
            for (int depth : new int[] {1, 10}) {
                heap.add(probe("dev.weft.bench.HeapProbe", count, depth));
                heap.add(probe("dev.weft.bench.VirtualThreadHeapProbe", count, depth));
            }
        }
        if (Runtime.version().feature() >= 24) { // compact object headers (JEP 450), depth 1
            for (int count : counts) {
                heap.add(COH_KIND + probe("dev.weft.bench.HeapProbe", count, 1, COH));
                heap.add(COH_KIND + probe("dev.weft.bench.VirtualThreadHeapProbe", count, 1, COH));
            }
        }
        List<EchoResult> echo = EchoSuite.run(quick);
        Path dir = out.toAbsolutePath().getParent();
        String startup = StartupProbe.markdownSection(quick ? 2_000 : 10_000, quick ? 3 : 11);
        String heartbeat = HeartbeatReport.markdown(quick ? 1 : 3);
        Files.writeString(out, ResultsReport.markdown(results, heap) + WeaveReport.markdown(results) + startup
                + heartbeat
                + EchoReport.markdown(echo, EchoSuite.method(quick))
                + ResultCharts.write(dir, results, heap, echo), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The VM flag of the compact-object-header heap rows, and their kind prefix in the table. */
    private static final String COH = "-XX:+UseCompactObjectHeaders";
    static final String COH_KIND = "coh:";

    /** Runs one heap probe in a fresh JVM; answers its output line, or a note if it cannot run. */
    private static String probe(String mainClass, int count, int depth, String... vmFlags)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(List.of("-Xmx6g", "-XX:+UseParallelGC"));
        flags.addAll(List.of(vmFlags));
        LastLine result = lastLine(mainClass, flags, Integer.toString(count), Integer.toString(depth));
        return result.exit() == 0 ? result.line()
                : "unavailable " + count + " " + depth + " (" + mainClass + " exited " + result.exit() + ")";
    }

    /** A child JVM's exit code and the last line it printed. */
    record LastLine(int exit, String line) {
    }

    /**
     * Runs {@code mainClass} of this jar in a fresh JVM of this JDK with {@code vmFlags} and
     * {@code args}, and answers its exit code and last output line. Shared by the probes that
     * report one line each.
     */
    static LastLine lastLine(String mainClass, List<String> vmFlags, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(vmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                last = line;
            }
        }
        int exit = p.waitFor();
        return new LastLine(exit, last);
    }
}
