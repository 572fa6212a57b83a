package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Formats the suite's results as {@code RESULTS.md}: the machine line, then one table per
 * question with weft, its peer, the ratio and B/op, each against its goal from the design's
 * performance budget.
 *
 * <p>Stateless; safe on any thread.
 */
final class ResultsReport {
    private ResultsReport() {
    }

    /** One measured row: ns/op with its error, and allocation per op. */
    private record Row(double ns, double error, double bytes) {
    }

    static String markdown(Collection<RunResult> results, List<String> heap) {
        Map<String, Row> rows = rows(results);
        StringBuilder md = new StringBuilder();
        md.append("# weft benchmark results\n\n")
          .append(machineLine()).append("\n\n")
          .append("Produced by `benchmarks/run.sh` (JMH, `-prof gc`; scores are means of 2 forks × 5 ")
          .append("iterations with their 99.9% error; the machine is shared, so read ratios, not absolutes).\n");
        section(md, "`await` that does not wait (goal: ≤ 2× a plain call, 0 B/op where the JIT sees call and await together)",
                rows, "AwaitFastPathBench.peerPlainCall",
                "AwaitFastPathBench.weftAwaitCompletedFuture", "AwaitFastPathBench.weftAwaitNonSuspendingCoroutine",
                "AwaitFastPathBench.peerPlainCall", "AwaitFastPathBench.peerCompletableFutureThenApply");
        section(md, "Suspend + resume through the loop (goal: ≥ 3× faster than a virtual-thread yield, ≤ 24 B/op)",
                rows, "YieldPeerBench.peerVirtualThreadYield",
                "YieldBench.weftYield:depth=1", "YieldPeerBench.peerVirtualThreadYield");
        section(md, "Hand-off ping-pong, per message (goal: ≥ 2× faster than virtual-thread park/unpark)",
                rows, "PingPongPeerBench.peerVirtualThreadParkUnpark",
                "PingPongBench.weftFuturePingPong", "PingPongPeerBench.peerVirtualThreadParkUnpark",
                "PingPongPeerBench.peerVirtualThreadSynchronousQueue");
        pairedSection(md, "Queue hand-off, per item (goal: ≤ 150 ns/message)", rows,
                "QueueBench.weftQueueHandOff", "QueuePeerBench.peerVirtualThreadArrayBlockingQueue",
                "maxsize", "1", "64", "0");
        section(md, "Resume cost by await depth (goal: depth 100 within 1.5× of depth 1)",
                rows, "YieldBench.weftYield:depth=1",
                "YieldBench.weftYield:depth=1", "YieldBench.weftYield:depth=5",
                "YieldBench.weftYield:depth=20", "YieldBench.weftYield:depth=100");
        section(md, "Create + run + complete a trivial task vs start + join a virtual thread",
                rows, "TaskPeerBench.peerVirtualThreadStartJoin",
                "TaskBench.weftCreateRunJoinTask", "TaskPeerBench.peerVirtualThreadStartJoin");
        section(md, "Eager `CompletableFuture` method that does not suspend vs a plain method returning "
                + "`completedFuture` (goal: within 2×)",
                rows, "EagerFutureBench.peerCompletedFuture",
                "EagerFutureBench.weftEagerNonSuspending", "EagerFutureBench.peerCompletedFuture",
                "EagerFutureBench.weftEagerNonSuspendingOnLoop", "EagerFutureBench.peerCompletedFutureOnLoop");
        section(md, "Generator step vs a hand-written Iterator (goal: within 2×, 0 B per element)",
                rows, "GeneratorBench.peerHandWrittenIterator",
                "GeneratorBench.weftGeneratorNext", "GeneratorBench.weftGeneratorForEach",
                "GeneratorBench.peerHandWrittenIterator", "GeneratorBench.peerFoldedIteratorSum");
        md.append("\nEach element goes to `Blackhole.consume` on both sides; `peerFoldedIteratorSum` (the ")
          .append("first suite's peer, a sum the JIT folds into arithmetic) is for reference only. The same ")
          .append("loops with each element handed to a method the JIT does not inline, and over a generator ")
          .append("or iterator made by such a method (so it lives on the heap):\n");
        section(md, "Generator step, the consumer a call that is not inlined (both sides)",
                rows, "GeneratorBench.peerHandWrittenIteratorToCall",
                "GeneratorBench.weftGeneratorNextToCall", "GeneratorBench.weftGeneratorForEachToCall",
                "GeneratorBench.peerHandWrittenIteratorToCall");
        section(md, "Generator step, the generator or iterator made elsewhere (both sides)",
                rows, "GeneratorBench.peerHandWrittenIteratorEscaped",
                "GeneratorBench.weftGeneratorNextEscaped", "GeneratorBench.weftGeneratorForEachEscaped",
                "GeneratorBench.peerHandWrittenIteratorEscaped");
        section(md, "A blocking job's round trip to another thread: toThread vs supplyAsync(...).join()",
                rows, "ToThreadBench.peerSupplyAsyncJoinThreadPool",
                "ToThreadBench.weftToThreadRoundTrip", "ToThreadBench.peerSupplyAsyncJoinThreadPool",
                "ToThreadBench.peerSupplyAsyncJoinCommonPool");
        heapSection(md, heap);
        verdicts(md, rows, heap);
        return md.toString();
    }

    private static Map<String, Row> rows(Collection<RunResult> results) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String key = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
            for (String p : r.getParams().getParamsKeys()) {
                key += ":" + p + "=" + r.getParams().getParam(p);
            }
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            rows.put(key, new Row(primary.getScore(), primary.getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
        return rows;
    }

    private static void section(StringBuilder md, String title, Map<String, Row> rows, String base,
                                String... keys) {
        md.append("\n## ").append(title).append("\n\n")
          .append("| benchmark | ns/op | ± | B/op | ratio to `").append(shortName(base)).append("` |\n")
          .append("|---|---:|---:|---:|---:|\n");
        Row b = rows.get(base);
        for (String k : keys) {
            Row r = rows.get(k);
            if (r == null) {
                md.append("| `").append(shortName(k)).append("` | not run (needs JDK 21+) | | | |\n");
                continue;
            }
            String ratio = b == null ? "—" : fmt(r.ns() / b.ns()) + "×";
            md.append("| `").append(shortName(k)).append("` | ").append(fmt(r.ns())).append(" | ")
              .append(fmt(r.error())).append(" | ").append(fmt(r.bytes())).append(" | ").append(ratio).append(" |\n");
        }
    }

    /**
     * A table of weft rows next to their peers for each value of one parameter, each ratio taken
     * against the peer with the same value.
     */
    private static void pairedSection(StringBuilder md, String title, Map<String, Row> rows, String weft,
                                      String peer, String param, String... values) {
        md.append("\n## ").append(title).append("\n\n")
          .append("| benchmark | ns/op | ± | B/op | ratio to the peer with the same `").append(param)
          .append("` |\n|---|---:|---:|---:|---:|\n");
        for (String v : values) {
            String suffix = ":" + param + "=" + v;
            Row p = rows.get(peer + suffix);
            for (String k : new String[] {weft + suffix, peer + suffix}) {
                Row r = rows.get(k);
                if (r == null) {
                    md.append("| `").append(k).append("` | not run (needs JDK 21+) | | | |\n");
                    continue;
                }
                String ratio = p == null ? "—" : fmt(r.ns() / p.ns()) + "×";
                md.append("| `").append(k).append("` | ").append(fmt(r.ns())).append(" | ")
                  .append(fmt(r.error())).append(" | ").append(fmt(r.bytes())).append(" | ")
                  .append(ratio).append(" |\n");
            }
        }
    }

    private static void heapSection(StringBuilder md, List<String> heap) {
        md.append("\n## Heap per suspended coroutine (goal: ≤ 96 B at depth 1, ≤ 1/6 of a parked virtual thread)\n\n")
          .append("Retained heap after a full GC divided by the count (`HeapProbe`, `VirtualThreadHeapProbe`; ")
          .append("ParallelGC, each in a fresh JVM; kinds marked `coh:` ran with `-XX:+UseCompactObjectHeaders`).\n\n")
          .append("| kind | count | await/call depth | bytes each |\n|---|---:|---:|---:|\n");
        for (String line : heap) {
            String[] f = line.split(" ");
            if (f[0].equals("unavailable")) {
                md.append("| ").append(line).append(" | | | |\n");
            } else {
                md.append("| ").append(f[0]).append(" | ").append(f[1]).append(" | ").append(f[2])
                  .append(" | ").append(f[3]).append(" |\n");
            }
        }
    }

    /** The goals of the performance budget, each checked against this run's figures. */
    private static void verdicts(StringBuilder md, Map<String, Row> rows, List<String> heap) {
        md.append("\n## Goals\n\n| goal | this run | verdict |\n|---|---|---|\n");
        ratioGoal(md, rows, "completed-future await ≤ 3× a plain call, < 1 B/op",
                "AwaitFastPathBench.weftAwaitCompletedFuture", "AwaitFastPathBench.peerPlainCall", 3, 1);
        ratioGoal(md, rows, "non-suspending coroutine await ≤ 2× a plain call, < 1 B/op (call and await in one method)",
                "AwaitFastPathBench.weftAwaitNonSuspendingCoroutine", "AwaitFastPathBench.peerPlainCall", 2, 1);
        ratioGoal(md, rows, "yield ≥ 3× faster than a virtual-thread yield, ≤ 24 B/op",
                "YieldBench.weftYield:depth=1", "YieldPeerBench.peerVirtualThreadYield", 1 / 3.0, 24);
        ratioGoal(md, rows, "ping-pong ≥ 2× faster than virtual-thread park/unpark",
                "PingPongBench.weftFuturePingPong", "PingPongPeerBench.peerVirtualThreadParkUnpark", 0.5,
                Double.MAX_VALUE);
        absoluteGoal(md, rows, "queue hand-off ≤ 150 ns/message, every item waited for (maxsize 1)",
                "QueueBench.weftQueueHandOff:maxsize=1", "QueuePeerBench.peerVirtualThreadArrayBlockingQueue:maxsize=1",
                150);
        ratioGoal(md, rows, "yield at depth 100 ≤ 1.5× depth 1",
                "YieldBench.weftYield:depth=100", "YieldBench.weftYield:depth=1", 1.5, Double.MAX_VALUE);
        ratioGoal(md, rows, "eager CompletableFuture method, no suspension, no loop ≤ 2× completedFuture",
                "EagerFutureBench.weftEagerNonSuspending", "EagerFutureBench.peerCompletedFuture", 2,
                Double.MAX_VALUE);
        ratioGoal(md, rows, "generator next() ≤ 2× a hand-written Iterator, < 1 B per element",
                "GeneratorBench.weftGeneratorNext", "GeneratorBench.peerHandWrittenIterator", 2, 1);
        ratioGoal(md, rows, "the same, for-each over the generator",
                "GeneratorBench.weftGeneratorForEach", "GeneratorBench.peerHandWrittenIterator", 2, 1);
        ratioGoal(md, rows, "the same, consumer not inlined: next()",
                "GeneratorBench.weftGeneratorNextToCall", "GeneratorBench.peerHandWrittenIteratorToCall", 2, 1);
        ratioGoal(md, rows, "the same, consumer not inlined: for-each",
                "GeneratorBench.weftGeneratorForEachToCall", "GeneratorBench.peerHandWrittenIteratorToCall", 2, 1);
        ratioGoal(md, rows, "the same, generator/iterator made elsewhere: next()",
                "GeneratorBench.weftGeneratorNextEscaped", "GeneratorBench.peerHandWrittenIteratorEscaped", 2, 1);
        ratioGoal(md, rows, "the same, generator/iterator made elsewhere: for-each",
                "GeneratorBench.weftGeneratorForEachEscaped", "GeneratorBench.peerHandWrittenIteratorEscaped", 2, 1);
        heapGoal(md, heap);
        md.append("\nWhy a goal can be missed, and what would close it:\n\n")
          .append("- *Non-suspending coroutine await.* Calling an `@Async` method allocates its frame ")
          .append("(32 B, plus 24 B for a `long[]` holding a primitive argument) — asyncio's laziness, kept on ")
          .append("purpose. Where the JIT sees the call and the await together it folds the frame's body (a ")
          .append("constant `MethodInfo` record), inlines it and removes the frame; where it does not (the ")
          .append("call made in another method, or a body too big to inline) the frame is allocated and the ")
          .append("body is reached through a profiled call. Closing that: a frame class per method shape, or a ")
          .append("weaver path that runs the callee's first step inline and makes the frame only when it ")
          .append("suspends.\n")
          .append("- *Generator step, outside the goal's setting.* Where the JIT sees a generator made and ")
          .append("consumed in one hot method it inlines the whole step, scalar-replaces the frame and folds ")
          .append("the state machine into the loop, so `next()` costs what the iterator costs. A for-each ")
          .append("leaves the loop through the generator's end (the body's return), which keeps more of the ")
          .append("state machine (resume-point switch, parked value) in the loop; a consumer call that is not ")
          .append("inlined keeps that state machine per element too. A generator made elsewhere keeps its ")
          .append("frame on the heap, so each step loads and stores the frame's fields (life cycle twice, ")
          .append("resume point, saved locals, the parked value and its clearing), while C2 keeps the heap ")
          .append("iterator's counter in a register for the whole loop. A yield now returns its value from ")
          .append("the body (nothing parked in the frame) and an argument the body never assigns is not saved ")
          .append("again at each yield, which brought the made-elsewhere next() from 6.7× to about 2×. What ")
          .append("would close the rest: saving only the locals changed since the last restore (today every ")
          .append("live local that can change is stored at each yield), a for-each path that does not leave ")
          .append("through the body's return (hasNext() runs the step and keeps its value), and a frame class ")
          .append("per generator method so the body call stays monomorphic when many generator methods run ")
          .append("(here only one does).\n")
          .append("- *Heap per sleeping task.* A task (56 B) and its frame (32 B) plus its timer-heap entry ")
          .append("(16 B of parallel arrays: entry, deadline, sequence number) make 104 B; the probe shows ")
          .append("more or less than that by the arrays' growth slack at that count (they grow by half) and ")
          .append("the probe's own noise (about ±1.5 MB, which is ±15 B a task at 100,000). Compact object ")
          .append("headers keep both sizes (the 4 B they save become alignment padding), so there one field ")
          .append("fewer in each would save 8 B each. Closing it: a timer entry without its own sequence ")
          .append("number, or a task without its name number (names numbered when first asked for).\n");
    }

    private static void ratioGoal(StringBuilder md, Map<String, Row> rows, String goal, String weft,
                                  String peer, double maxRatio, double maxBytes) {
        Row w = rows.get(weft);
        Row p = rows.get(peer);
        if (w == null || p == null) {
            md.append("| ").append(goal).append(" | not measured (a peer needs JDK 21+) | — |\n");
            return;
        }
        double ratio = w.ns() / p.ns();
        boolean met = ratio <= maxRatio && !(w.bytes() > maxBytes);
        md.append("| ").append(goal).append(" | ").append(fmt(ratio)).append("× (")
          .append(fmt(w.ns())).append(" vs ").append(fmt(p.ns())).append(" ns), ").append(fmt(w.bytes()))
          .append(" B/op | ").append(met ? "met" : "**missed**").append(" |\n");
    }

    private static void absoluteGoal(StringBuilder md, Map<String, Row> rows, String goal, String weft,
                                     String peer, double maxNs) {
        Row w = rows.get(weft);
        if (w == null) {
            md.append("| ").append(goal).append(" | not measured | — |\n");
            return;
        }
        Row p = rows.get(peer);
        md.append("| ").append(goal).append(" | ").append(fmt(w.ns())).append(" ns, ").append(fmt(w.bytes()))
          .append(" B/op").append(p == null ? "" : " (" + fmt(w.ns() / p.ns()) + "× the peer's " + fmt(p.ns()) + " ns)")
          .append(" | ").append(w.ns() <= maxNs ? "met" : "**missed**").append(" |\n");
    }

    private static void heapGoal(StringBuilder md, List<String> heap) {
        for (String line : heap) {
            String[] f = line.split(" ");
            if (!f[0].equals("weft") || !f[2].equals("1")) { // the coh: rows are shown, not judged
                continue;
            }
            long weft = Long.parseLong(f[3]);
            String vt = heap.stream().filter(l -> l.startsWith("vthread " + f[1] + " 1 ")).findFirst().orElse(null);
            long peer = vt == null ? -1 : Long.parseLong(vt.split(" ")[3]);
            boolean met = weft <= 96 && (peer < 0 || weft * 6 <= peer);
            md.append("| heap per sleeping task ≤ 96 B and ≤ 1/6 of a virtual thread (").append(f[1])
              .append(" tasks, depth 1) | ").append(weft).append(" B vs ").append(peer < 0 ? "—" : peer + " B")
              .append(" | ").append(met ? "met" : "**missed**").append(" |\n");
        }
    }

    private static String shortName(String key) {
        return key;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String machineLine() {
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the load unknown
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; JDK "
                + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + "; load average at the end of the run: " + load + "; " + LocalDate.now() + ".";
    }
}
