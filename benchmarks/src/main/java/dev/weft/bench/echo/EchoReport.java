package dev.weft.bench.echo;

import java.util.List;
import java.util.Locale;

/**
 * The echo sections of {@code RESULTS.md}: plaintext servers side by side per load with their
 * ratios to the bare NIO loop and to Netty, the TLS servers against Netty's {@code SslHandler},
 * the {@code LoopGroup} with 1 and 2 loops, and the echo goals of the design's performance budget,
 * each met or missed and by how much.
 *
 * <p>Stateless; safe on any thread.
 */
public final class EchoReport {
    private static final EchoKind[] PLAIN = {EchoKind.WEFT_STREAMS, EchoKind.WEFT_PROTOCOL,
        EchoKind.WEFT_BUFFERED, EchoKind.NETTY, EchoKind.BARE_NIO};
    private static final EchoKind[] WEFT = {EchoKind.WEFT_STREAMS, EchoKind.WEFT_PROTOCOL,
        EchoKind.WEFT_BUFFERED};

    private EchoReport() {
    }

    /** The echo sections as markdown; {@code method} describes the windows (see {@link EchoSuite#method}). */
    public static String markdown(List<EchoResult> results, String method) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Echo servers: CPU per request (closed loop, loopback)\n\n")
          .append("One load generator (`EchoLoad`: a platform thread per connection that sends a message ")
          .append("and reads the whole echo before the next) against each server in its own JVM; user and ")
          .append("system CPU of the server process from `/proc/<pid>/stat` (every thread of it: loop, JIT, ")
          .append("GC), divided by the requests of the window; the goals and ratios use it. Loop user ns/req ")
          .append("is the loop threads' own user CPU (`ThreadMXBean.getThreadUserTime`), B/req what they ")
          .append("allocated per request (`getThreadAllocatedBytes`). ").append(method)
          .append(". The load generator shares the two cores with the server, so requests/s is a ")
          .append("closed-loop figure of both; CPU per request is the server's alone.\n");
        table(md, results, "Plaintext", PLAIN, true);
        table(md, results, "TLS (" + EchoCerts.PROTOCOL + ", `" + EchoCerts.CIPHER
                + "`, the JDK's SunJSSE engine on both sides; ratio to Netty `SslHandler`)",
                new EchoKind[] {EchoKind.WEFT_TLS_STREAMS, EchoKind.NETTY_TLS}, false);
        md.append("\n`LoopGroup` below is the streams server on 1 and 2 loops (SO_REUSEPORT: the kernel ")
          .append("spreads connections by hash). This machine has 2 cores and the load generator runs on ")
          .append("them too, so a second loop mostly competes with the clients: read it as overhead, not ")
          .append("scaling.\n");
        table(md, results, "LoopGroup (ratios to the plain streams server)",
                new EchoKind[] {EchoKind.WEFT_GROUP_1, EchoKind.WEFT_GROUP_2, EchoKind.WEFT_STREAMS}, false);
        goals(md, results);
        notes(md);
        return md.toString();
    }

    private static void table(StringBuilder md, List<EchoResult> results, String title, EchoKind[] kinds,
                              boolean plain) {
        md.append("\n### ").append(title).append("\n\n")
          .append("| server | load | requests/s | user ns/req | system ns/req | loop user ns/req | B/req (loop) | ")
          .append(plain ? "user vs bare | user vs Netty |" : "user ratio |").append("\n")
          .append(plain ? "|---|---|---:|---:|---:|---:|---:|---:|---:|\n" : "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String load : loads(results, kinds)) {
            for (EchoKind k : kinds) {
                EchoResult r = find(results, k, load);
                if (r == null) {
                    continue;
                }
                md.append("| ").append(k.label()).append(" | ").append(load).append(" | ");
                if (!r.measured()) {
                    md.append("not measured: ").append(r.error()).append(plain ? " | | | | | | |\n" : " | | | | | |\n");
                    continue;
                }
                md.append(fmt(r.requestsPerSecond())).append(" | ").append(fmt(r.userNanos())).append(" | ")
                  .append(fmt(r.systemNanos())).append(" | ").append(fmt(r.loopUserNanos())).append(" | ")
                  .append(fmt(r.allocatedBytes())).append(" | ");
                if (plain) {
                    md.append(ratio(r, find(results, EchoKind.BARE_NIO, load))).append(" | ")
                      .append(ratio(r, find(results, EchoKind.NETTY, load))).append(" |\n");
                } else {
                    md.append(ratio(r, find(results, kinds[kinds.length - 1], load))).append(" |\n");
                }
            }
        }
    }

    /** The echo goals of the budget, per load: streams/Protocol vs bare, weft vs Netty, 0 B buffered, TLS. */
    private static void goals(StringBuilder md, List<EchoResult> results) {
        md.append("\n### Echo goals\n\n| goal | load | this run | verdict |\n|---|---|---|---|\n");
        for (String load : loads(results, PLAIN)) {
            EchoResult bare = find(results, EchoKind.BARE_NIO, load);
            EchoResult netty = find(results, EchoKind.NETTY, load);
            ratioGoal(md, "streams ≤ 1.3× the bare loop's user CPU/request", load,
                    find(results, EchoKind.WEFT_STREAMS, load), bare, 1.3);
            ratioGoal(md, "`Protocol` ≤ 1.15× the bare loop's user CPU/request", load,
                    find(results, EchoKind.WEFT_PROTOCOL, load), bare, 1.15);
            for (EchoKind k : WEFT) {
                ratioGoal(md, k.label() + " ≤ 0.6× Netty's user CPU/request", load, find(results, k, load),
                        netty, 0.6);
            }
            EchoResult buffered = find(results, EchoKind.WEFT_BUFFERED, load);
            if (buffered != null && buffered.measured()) {
                // Below half a byte per request: no allocation per request, only the odd one-off
                // (a connection's first buffer, a JIT deoptimisation).
                boolean met = buffered.allocatedBytes() < 0.5;
                md.append("| 0 B allocated per request on the buffered path | ").append(load).append(" | ")
                  .append(fmt(buffered.allocatedBytes())).append(" B/req | ")
                  .append(met ? "met" : "**missed** by " + fmt(buffered.allocatedBytes()) + " B/req")
                  .append(" |\n");
            }
        }
        for (String load : loads(results, new EchoKind[] {EchoKind.WEFT_TLS_STREAMS})) {
            ratioGoal(md, "TLS streams ≤ Netty `SslHandler`'s user CPU/request", load,
                    find(results, EchoKind.WEFT_TLS_STREAMS, load), find(results, EchoKind.NETTY_TLS, load), 1.0);
        }
    }

    /** Why the echo goals can be missed, from what the tables measure, and what would close them. */
    private static void notes(StringBuilder md) {
        md.append("\nWhy an echo goal can be missed, and what would close it:\n\n")
          .append("- *Streams and `Protocol` against the bare loop, 16 KiB.* Both hand the application a fresh ")
          .append("`byte[]` per read — `read(n)` returns one, `dataReceived` gets its own to keep, as asyncio's ")
          .append("`bytes` — which is the B/req column (80 B for 64 B, 16,400 B for 16 KiB): a zeroed array, a copy ")
          .append("from the loop's direct buffer into it, a copy back into the direct buffer on `write`, and the ")
          .append("young collections they cause, where the bare loop reads into and writes from one direct buffer. ")
          .append("`BufferedProtocol` drops the array (0 B/req) and keeps the two copies. Closing it: a write that ")
          .append("takes a `ByteBuffer` and sends it without the second copy, and a stream read into a buffer the ")
          .append("caller owns (a `readInto`), so a streams server need not allocate per message.\n")
          .append("- *64 B.* The gap to the bare loop is per-request work, not bytes. A streams handler's `read` ")
          .append("finds nothing buffered and suspends, so every request resumes its task through the loop's ")
          .append("ready queue (a task step and the read waiter; `drain` below the high-water mark is already a ")
          .append("completed future), and the bytes are copied three times — the loop's direct buffer into the ")
          .append("reader's queue, the queue into the returned array (`ByteQueue.take`, the allocation site), ")
          .append("the array into the direct buffer on `write` — where the bare loop echoes inside the selector ")
          .append("callback with none. `Protocol` has no task but allocates the array (`SocketTransport.deliver`) ")
          .append("and copies twice. Candidates: a read that, when the queue is empty and a `read(n)` is waiting, ")
          .append("fills its array straight from the direct buffer (one copy less); writes are already gathered ")
          .append("per loop iteration (one `write` call per connection per iteration), which costs one more copy ")
          .append("into the transport's queue at 16 KiB.\n")
          .append("- *`LoopGroup` with 2 loops.* On 2 cores shared with the load generator a second loop is not a ")
          .append("scaling measurement: it changes how many connections each `select` finds ready, so CPU per ")
          .append("request moves either way between runs (helpers' runs on a loaded machine saw 0.8× to 1.6× of ")
          .append("1 loop); the group's own cost is the 1-loop row against the plain streams server.\n")
          .append("- *The machine.* Server and load generator share two cores with whatever else runs (see the ")
          .append("load average in the machine line); the same server's figures move by tens of percent between ")
          .append("loads and runs, so a goal within that margin is not settled by one run.\n");
    }

    private static void ratioGoal(StringBuilder md, String goal, String load, EchoResult weft, EchoResult peer,
                                  double max) {
        md.append("| ").append(goal).append(" | ").append(load).append(" | ");
        if (weft == null || peer == null || !weft.measured() || !peer.measured()) {
            md.append("not measured | — |\n");
            return;
        }
        double ratio = weft.userNanos() / peer.userNanos();
        md.append(fmt(ratio)).append("× (").append(fmt(weft.userNanos())).append(" vs ")
          .append(fmt(peer.userNanos())).append(" ns) | ")
          .append(ratio <= max ? "met" : "**missed** by " + fmt((ratio / max - 1) * 100) + "%")
          .append(" |\n");
    }

    private static List<String> loads(List<EchoResult> results, EchoKind[] kinds) {
        List<String> loads = new java.util.ArrayList<>();
        for (EchoResult r : results) {
            if (List.of(kinds).contains(r.kind()) && r.connections() > 0 && !loads.contains(r.load())) {
                loads.add(r.load());
            }
        }
        return loads;
    }

    static EchoResult find(List<EchoResult> results, EchoKind kind, String load) {
        for (EchoResult r : results) {
            if (r.kind() == kind && r.load().equals(load)) {
                return r;
            }
        }
        return null;
    }

    private static String ratio(EchoResult r, EchoResult base) {
        if (base == null || !base.measured()) {
            return "—";
        }
        return fmt(r.userNanos() / base.userNanos()) + "×";
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
