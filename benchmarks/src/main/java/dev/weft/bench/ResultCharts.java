package dev.weft.bench;

import dev.weft.bench.echo.EchoResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;
import org.openjdk.jmh.results.RunResult;

/**
 * The SVG charts written next to {@code RESULTS.md}, drawn with XChart: switch cost against
 * virtual threads, heap per sleeping task by count, and echo CPU per request by server
 * (plaintext, and TLS beside Netty's {@code SslHandler}). {@link #write} answers the markdown that
 * shows them.
 *
 * <p>Runs headless ({@code java.awt.headless}); call from one thread at a time. A chart whose
 * figures are all missing (a JDK without virtual threads, a platform without {@code /proc}) is
 * left out rather than drawn empty.
 */
final class ResultCharts {
    private static final int WIDTH = 880;
    private static final int HEIGHT = 480;
    private static final Pattern TOO_PRECISE = Pattern.compile("(\\d\\.\\d)\\d+");

    private ResultCharts() {
    }

    /** Writes the charts into {@code dir}; answers a markdown section that references them. */
    static String write(Path dir, Collection<RunResult> jmh, List<String> heap, List<EchoResult> echo)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        StringBuilder md = new StringBuilder("\n## Charts\n\n");
        save(dir, "switch-cost", switchCost(jmh), md, "Switch cost, weft vs virtual threads");
        save(dir, "heap-per-task", heapPerTask(heap), md, "Heap per sleeping task by count");
        save(dir, "echo-cpu", echoCpu(echo, false), md, "Echo: user CPU per request by server");
        save(dir, "echo-tls-cpu", echoCpu(echo, true), md, "TLS echo: user CPU per request");
        return md.toString();
    }

    private static void save(Path dir, String name, CategoryChart chart, StringBuilder md, String alt)
            throws IOException {
        if (chart == null) {
            md.append("- ").append(alt).append(": not drawn (no figures in this run)\n");
            return;
        }
        Path file = dir.resolve(name + ".svg");
        VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        // XChart draws text as glyph outlines with full double precision; a tenth of a pixel is
        // plenty and makes the files about half as large.
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, TOO_PRECISE.matcher(svg).replaceAll("$1"), StandardCharsets.UTF_8);
        md.append("![").append(alt).append("](").append(name).append(".svg)\n\n");
    }

    private static CategoryChart chart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setDecimalPattern("#,##0");
        return chart;
    }

    /** Yield, future ping-pong and queue hand-off: weft against its virtual-thread peer, ns/op. */
    private static CategoryChart switchCost(Collection<RunResult> jmh) {
        Map<String, Double> ns = JmhScores.of(jmh);
        String[][] pairs = {
            {"yield (sleep(0))", "YieldBench.weftYield:depth=1", "YieldPeerBench.peerVirtualThreadYield"},
            {"future ping-pong", "PingPongBench.weftFuturePingPong", "PingPongPeerBench.peerVirtualThreadParkUnpark"},
            {"queue hand-off (maxsize 1)", "QueueBench.weftQueueHandOff:maxsize=1",
                "QueuePeerBench.peerVirtualThreadArrayBlockingQueue:maxsize=1"},
        };
        List<String> xs = new ArrayList<>();
        List<Double> weft = new ArrayList<>();
        List<Double> vt = new ArrayList<>();
        for (String[] p : pairs) {
            if (ns.containsKey(p[1]) && ns.containsKey(p[2])) {
                xs.add(p[0]);
                weft.add(ns.get(p[1]));
                vt.add(ns.get(p[2]));
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        CategoryChart chart = chart("Switch cost: weft vs virtual threads (lower is better)", "", "ns per switch");
        chart.addSeries("weft", xs, weft);
        chart.addSeries("virtual threads", xs, vt);
        return chart;
    }

    /** Bytes per sleeping task at each count, weft and virtual threads, depth 1 and 10. */
    private static CategoryChart heapPerTask(List<String> heap) {
        Map<String, Map<String, Long>> series = new LinkedHashMap<>();
        List<String> counts = new ArrayList<>();
        for (String line : heap) {
            boolean coh = line.startsWith(RunAll.COH_KIND); // compact object headers, depth 1
            String[] f = (coh ? line.substring(RunAll.COH_KIND.length()) : line).split(" ");
            if (f.length < 4 || f[0].equals("unavailable")) {
                continue;
            }
            String count = String.format(java.util.Locale.ROOT, "%,d tasks", Long.parseLong(f[1]));
            if (!counts.contains(count)) {
                counts.add(count);
            }
            String name = (f[0].equals("weft") ? "weft" : "virtual thread") + ", depth " + f[2]
                    + (coh ? ", compact headers" : "");
            series.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(count, Long.parseLong(f[3]));
        }
        if (series.isEmpty()) {
            return null;
        }
        CategoryChart chart = chart("Heap per sleeping task (lower is better)", "", "bytes per task");
        for (Map.Entry<String, Map<String, Long>> s : series.entrySet()) {
            List<Long> ys = new ArrayList<>();
            for (String c : counts) {
                ys.add(s.getValue().getOrDefault(c, 0L));
            }
            chart.addSeries(s.getKey(), counts, ys);
        }
        return chart;
    }

    /** User CPU ns per request, one series per server, one group per load. */
    private static CategoryChart echoCpu(List<EchoResult> echo, boolean tls) {
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        for (EchoResult r : echo) {
            if (!r.measured() || r.kind().tls() != tls || r.kind().id().startsWith("weft-group-")) {
                continue;
            }
            if (!loads.contains(r.load())) {
                loads.add(r.load());
            }
            series.computeIfAbsent(r.kind().id(), k -> new LinkedHashMap<>()).put(r.load(), r.userNanos());
        }
        if (series.isEmpty()) {
            return null;
        }
        CategoryChart chart = chart((tls ? "TLS echo" : "Echo") + ": server user CPU per request (lower is better)",
                "connections × message size", "user CPU ns per request");
        chart.getStyler().setLabelsVisible(false);
        for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
            List<Double> ys = new ArrayList<>();
            for (String l : loads) {
                ys.add(s.getValue().getOrDefault(l, 0.0));
            }
            chart.addSeries(s.getKey(), loads, ys);
        }
        return chart;
    }
}
