package dev.weft.bench.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Runs the echo suite: for each {@link EchoKind}, one server JVM (the same {@code java}, the
 * same flags), then for each load a warm-up and a measured window of the closed-loop
 * {@link EchoLoad}, sampling the server's CPU from {@code /proc/<pid>/stat} and its loop threads'
 * allocation over the control line at both ends of the window.
 *
 * <p>Plaintext servers get 16 and 64 connections × 64 B and 16 KiB; TLS servers 16 connections ×
 * 64 B and 16 KiB. {@code quick} shortens the windows and keeps 16 connections only. Loopback
 * only; every server JVM exits when its stdin closes, so nothing outlives the suite. Runs on the
 * calling thread.
 */
public final class EchoSuite {
    private static final int[][] PLAIN_LOADS = {{16, 64}, {16, 16 * 1024}, {64, 64}, {64, 16 * 1024}};
    private static final int[][] TLS_LOADS = {{16, 64}, {16, 16 * 1024}};

    private final boolean quick;
    /** The one load to run, or null for the suite's loads. */
    private int[] onlyLoad;
    private final long warmMillis;
    private final long measureMillis;

    private EchoSuite(boolean quick) {
        this.quick = quick;
        warmMillis = quick ? 1_000 : 4_000;
        measureMillis = quick ? 1_500 : 8_000;
    }

    /**
     * Runs the echo suite alone: {@code java -cp benchmarks.jar dev.weft.bench.echo.EchoSuite
     * OUTPUT.md [--quick] [--load=CONNECTIONSxSIZE] [KIND...]} writes its sections of the report
     * to OUTPUT.md (the whole suite, {@code RunAll}, puts them into {@code RESULTS.md}); KIND ids
     * limit it to those servers, {@code --load=16x64} to that one load (for profiling a server
     * under it, with {@code -Dweft.echo.serverArgs}).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean quick = rest.remove("--quick");
        EchoSuite suite = new EchoSuite(quick);
        for (String a : List.copyOf(rest)) {
            if (a.startsWith("--load=")) {
                String[] cs = a.substring(7).split("x");
                suite.onlyLoad = new int[] {Integer.parseInt(cs[0]), Integer.parseInt(cs[1])};
                rest.remove(a);
            }
        }
        List<EchoResult> results = suite.runAll(rest.isEmpty() ? List.of(EchoKind.values())
                : rest.stream().map(EchoKind::byId).toList());
        Files.writeString(Path.of(args[0]), EchoReport.markdown(results, method(quick)), StandardCharsets.UTF_8);
        System.out.println("wrote " + Path.of(args[0]).toAbsolutePath());
    }

    /** Runs every server under every load; a server that fails yields rows that say why. */
    public static List<EchoResult> run(boolean quick) throws IOException, InterruptedException {
        return new EchoSuite(quick).runAll(List.of(EchoKind.values()));
    }

    /** The windows' lengths and server JVM flags, for the report's method line. */
    public static String method(boolean quick) {
        EchoSuite s = new EchoSuite(quick);
        return "warm-up " + s.warmMillis / 1000.0 + " s, then a " + s.measureMillis / 1000.0
                + " s window per load; server JVM flags `" + String.join(" ", serverFlags()) + "`";
    }

    private List<EchoResult> runAll(List<EchoKind> kinds) throws IOException, InterruptedException {
        List<EchoResult> results = new ArrayList<>();
        if (!ProcStat.available()) {
            for (EchoKind kind : kinds) {
                results.add(EchoResult.failed(kind, 0, 0, "no /proc/<pid>/stat on this platform"));
            }
            return results;
        }
        Path keyStore = EchoCerts.makeKeyStore();
        SSLContext client;
        try {
            client = EchoCerts.clientContext(keyStore);
        } catch (Exception e) {
            throw new IOException("cannot load the echo suite's certificate", e);
        }
        for (EchoKind kind : kinds) {
            System.out.println("echo: " + kind.id());
            results.addAll(runKind(kind, loads(kind), keyStore, kind.tls() ? client : null));
        }
        return results;
    }

    private int[][] loads(EchoKind kind) {
        if (onlyLoad != null) {
            return new int[][] {onlyLoad};
        }
        int[][] all = kind.tls() ? TLS_LOADS : PLAIN_LOADS;
        return quick ? new int[][] {all[0], all[1]} : all;
    }

    private List<EchoResult> runKind(EchoKind kind, int[][] loads, Path keyStore, SSLContext client)
            throws IOException, InterruptedException {
        List<EchoResult> results = new ArrayList<>();
        Path log = Files.createTempFile("weft-echo-" + kind.id(), ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(serverFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                EchoServerMain.class.getName(), kind.id(), keyStore.toString()));
        Process server = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
             Writer control = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8)) {
            String first = out.readLine();
            while (first != null && !first.startsWith("port ")) {
                first = out.readLine(); // a JVM option's own output (JFR prints a line, for one)
            }
            if (first == null) {
                String why = "the server did not start: " + tail(log);
                for (int[] load : loads) {
                    results.add(EchoResult.failed(kind, load[0], load[1], why));
                }
                return results;
            }
            int port = Integer.parseInt(first.substring(5).trim());
            ServerProbe probe = new ServerProbe(server.pid(), out, control);
            for (int[] load : loads) {
                results.add(window(kind, port, load[0], load[1], client, probe));
            }
        } finally {
            // stdin is closed: the server exits by itself; make sure of it.
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
        return results;
    }

    /** One warm-up and measured window of one load; answers its figures or why it has none. */
    private EchoResult window(EchoKind kind, int port, int connections, int size, SSLContext client,
                              ServerProbe probe) throws IOException, InterruptedException {
        try (EchoLoad load = EchoLoad.start(port, connections, size, client)) {
            Thread.sleep(warmMillis);
            ServerProbe.Sample a = probe.sample(load.completed());
            Thread.sleep(measureMillis);
            ServerProbe.Sample b = probe.sample(load.completed());
            if (load.failures() > 0) {
                return EchoResult.failed(kind, connections, size, load.failures() + " connections failed");
            }
            double requests = b.requests() - a.requests();
            if (requests <= 0) {
                return EchoResult.failed(kind, connections, size, "no request completed in the window");
            }
            double seconds = (b.wallNanos() - a.wallNanos()) / 1e9;
            return new EchoResult(kind, connections, size, requests / seconds,
                    (b.cpu().userNanos() - a.cpu().userNanos()) / requests,
                    (b.cpu().systemNanos() - a.cpu().systemNanos()) / requests,
                    (b.loopUserNanos() - a.loopUserNanos()) / requests,
                    (b.allocated() - a.allocated()) / requests, null);
        } catch (IOException e) {
            return EchoResult.failed(kind, connections, size, "the load could not run: " + e);
        }
    }

    /** The server JVMs' flags: a fixed heap and a serial collector, so GC work is small and alike. */
    static List<String> serverFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dio.netty.leakDetection.level=disabled"));
        if (Runtime.version().feature() >= 23) {
            // Netty's buffers use sun.misc.Unsafe; JDK 24+ warns about it unless allowed.
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        // For profiling a server, e.g. -Dweft.echo.serverArgs=-XX:StartFlightRecording=filename=s.jfr
        String extra = System.getProperty("weft.echo.serverArgs", "").trim();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split(" +")));
        }
        return flags;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
