package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.examples.net.ChatServer;
import dev.weft.examples.net.EchoClient;
import dev.weft.examples.net.EchoServer;
import dev.weft.examples.net.ProtocolEchoClient;
import dev.weft.examples.net.ProtocolEchoServer;
import dev.weft.examples.net.TimeServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the network examples on loopback and compares their logs with the logs of the seeds'
 * Python programs ({@code src/test/resources/seeds/net/*.py}, expected logs in
 * {@code expected/net/}, produced by {@code seeds/net/generate-expected.sh}); also plays the
 * Python programs against the Java ones, both ways, and checks the time and chat servers.
 *
 * <p>The logs go through {@link #normalise} first, for what cannot match: ports and client
 * ports (ephemeral), asyncio's own {@code Using selector} line, and how TCP split the echoed
 * bytes into reads (which varies from run to run in Python too: the seed shows both).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetExamplesTest {
    private static final String HOST = "127.0.0.1";
    private static final Pattern PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(_| port )\\d+");
    private static final Pattern PAYLOAD = Pattern.compile("^(\\S+): (received|sent) b'(.*)'$");

    /**
     * The log with ports as {@code <port>}, asyncio's {@code asyncio: ...} lines dropped, and the
     * payloads of each logger's {@code received}/{@code sent} lines joined into the first such
     * line, so the same bytes split into other reads compare equal.
     */
    static String normalise(String log) {
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.isEmpty() || line.startsWith("asyncio: ")) {
                continue;
            }
            line = PORT.matcher(line).replaceAll("$1$2<port>");
            Matcher m = PAYLOAD.matcher(line);
            if (m.matches()) {
                String key = m.group(1) + " " + m.group(2);
                Integer at = firstLine.get(key);
                if (at != null) {
                    String joined = lines.get(at);
                    lines.set(at, joined.substring(0, joined.length() - 1) + m.group(3) + "'");
                    continue;
                }
                firstLine.put(key, lines.size());
            }
            lines.add(line);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String expected(String name) {
        try (InputStream in = NetExamplesTest.class.getResourceAsStream("/expected/net/" + name
                + ".txt")) {
            assertNotNull(in, name);
            return normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a client example's {@code run(host, port, out)} and returns its log. */
    private static String runClient(ClientRunner client, int port) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        client.run(HOST, port, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    interface ClientRunner {
        void run(String host, int port, PrintStream out);
    }

    // ---- Java against Java -----------------------------------------------------------------

    @Test
    void echoServerAndClient_streams_logWhatThePythonProgramsLog() {
        String clientLog;
        RunningServer server = RunningServer.start((out, started) ->
                EchoServer.run(HOST, 0, out, started), true);
        try (server) {
            clientLog = runClient(EchoClient::run, server.port());
        }

        assertEquals(expected("EchoClient"), normalise(clientLog));
        assertEquals(expected("EchoServer"), normalise(server.log()));
    }

    @Test
    void echoServerAndClient_protocols_logWhatThePythonProgramsLog() {
        String clientLog;
        RunningServer server = RunningServer.start((out, started) ->
                ProtocolEchoServer.run(HOST, 0, out, started), true);
        try (server) {
            clientLog = runClient(ProtocolEchoClient::run, server.port());
        }

        assertEquals(expected("ProtocolEchoClient"), normalise(clientLog));
        assertEquals(expected("ProtocolEchoServer"), normalise(server.log()));
    }

    // ---- interoperability with Python's asyncio ---------------------------------------------

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void assumePython() {
        assumeTrue(pythonAvailable(), "python3 is not on the PATH: skipping the interoperability "
                + "test with Python's asyncio (install Python 3 to run it)");
    }

    private static Path seed(String name) {
        try {
            return Path.of(NetExamplesTest.class.getResource("/seeds/net/" + name + ".py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process python(String seed, int port) throws IOException {
        return new ProcessBuilder("python3", "-W", "ignore", seed(seed).toString(), HOST,
                Integer.toString(port)).start();
    }

    /** Runs a Python client seed to its end and returns its log (standard error). */
    private static String runPythonClient(String seed, int port) throws Exception {
        Process p = python(seed, port);
        p.getOutputStream().close();
        String log = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), seed + " did not finish");
        assertEquals(0, p.exitValue(), () -> seed + " failed:\n" + log);
        return log;
    }

    @Test
    void echoServer_pythonSeedClient_bothLogWhatThePythonProgramsLog() throws Exception {
        assumePython();
        String clientLog;
        RunningServer server = RunningServer.start((out, started) ->
                EchoServer.run(HOST, 0, out, started), true);
        try (server) {
            clientLog = runPythonClient("EchoClient", server.port());
            waitForLog(server, "closing");
        }

        assertEquals(expected("EchoClient"), normalise(clientLog));
        assertEquals(expected("EchoServer"), normalise(server.log()));
    }

    @Test
    void protocolEchoServer_pythonSeedClient_bothLogWhatThePythonProgramsLog() throws Exception {
        assumePython();
        String clientLog;
        RunningServer server = RunningServer.start((out, started) ->
                ProtocolEchoServer.run(HOST, 0, out, started), true);
        try (server) {
            clientLog = runPythonClient("ProtocolEchoClient", server.port());
            waitForLog(server, "closing");
        }

        assertEquals(expected("ProtocolEchoClient"), normalise(clientLog));
        assertEquals(expected("ProtocolEchoServer"), normalise(server.log()));
    }

    @Test
    void echoClient_againstPythonStartServer_logsWhatThePythonClientLogs() throws Exception {
        assumePython();
        assertPythonServerServes("EchoServer", EchoClient::run, "EchoClient");
    }

    @Test
    void protocolEchoClient_againstPythonCreateServer_logsWhatThePythonClientLogs()
            throws Exception {
        assumePython();
        assertPythonServerServes("ProtocolEchoServer", ProtocolEchoClient::run,
                "ProtocolEchoClient");
    }

    private static void assertPythonServerServes(String serverSeed, ClientRunner client,
            String expectedLog) throws Exception {
        int port = freePort();
        Process server = python(serverSeed, port);
        try {
            awaitListening(port, server);
            String clientLog = runClient(client, port);

            assertEquals(expected(expectedLog), normalise(clientLog));
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls until something accepts connections on {@code port}; fails if the process died. */
    @SuppressWarnings("try") // the probe socket only shows that the port accepts
    private static void awaitListening(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the Python server exited: "
                        + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (Socket probe = new Socket(HOST, port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the Python server did not listen on port " + port);
    }

    private static void waitForLog(RunningServer server, String word) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.log().contains(": " + word) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    // ---- time server -------------------------------------------------------------------------

    @Test
    @SuppressWarnings("try") // one client leaves early, abruptly: its socket is closed inside the try
    void timeServer_threeClientsOneLeaves_othersKeepGettingTheTime() throws Exception {
        RunningServer server = RunningServer.start((out, started) ->
                TimeServer.run(HOST, 0, 20, out, started), false);
        try (server; Socket a = new Socket(HOST, server.port());
                Socket b = new Socket(HOST, server.port());
                Socket c = new Socket(HOST, server.port())) {
            BufferedReader ra = reader(a);
            BufferedReader rb = reader(b);
            assertTimeLines(ra, 2);
            c.setSoLinger(true, 0);
            c.close(); // abrupt: a reset
            assertTimeLines(ra, 3);
            assertTimeLines(rb, 5);
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.US_ASCII));
    }

    private static void assertTimeLines(BufferedReader r, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            String line = r.readLine();
            assertNotNull(line, "the time server closed the connection");
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d"), line);
        }
    }

    // ---- chat server, small: the transcript ---------------------------------------------------

    @Test
    @SuppressWarnings("try") // one client leaves early: its socket is closed inside the try
    void chatServer_threeClients_eachLineGoesToAllOthersOnly() throws Exception {
        RunningServer server = RunningServer.start((out, started) ->
                ChatServer.run(HOST, 0, ChatServer.DEFAULT_MAX_BACKLOG, out, started), false);
        try (server; Socket a = new Socket(HOST, server.port());
                Socket b = new Socket(HOST, server.port());
                Socket c = new Socket(HOST, server.port())) {
            BufferedReader ra = reader(a);
            BufferedReader rb = reader(b);
            BufferedReader rc = reader(c);
            // Everyone hears the joins of those who came later; wait for them to settle.
            skipNotices(ra, 2);
            skipNotices(rb, 1);
            say(a, "hello from a");
            say(b, "hi from b");

            assertTrue(rb.readLine().endsWith(": hello from a"));
            assertTrue(rc.readLine().endsWith(": hello from a"));
            assertTrue(rc.readLine().endsWith(": hi from b"));
            assertTrue(ra.readLine().endsWith(": hi from b"), "a hears b but not itself");
            c.close();
            assertTrue(ra.readLine().matches("\\* .* left"));
        }
    }

    private static void skipNotices(BufferedReader r, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            assertTrue(r.readLine().startsWith("* "));
        }
    }

    private static void say(Socket s, String line) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Test
    void normalise_splitPayloadsAndPorts_compareEqualToJoinedOnes() {
        String split = "asyncio: Using selector: EpollSelector\n"
                + "echo_::1_64627: received b'This is '\n"
                + "echo_127.0.0.1_64627: received b'a '\n"
                + "echo_127.0.0.1_64627: sent b'a '\n"
                + "echo_127.0.0.1_64627: received b'b'\n"
                + "echo_127.0.0.1_64627: sent b'b'\n";
        BiConsumer<String, String> same = (x, y) -> assertEquals(normalise(x), normalise(y));

        same.accept("echo_127.0.0.1_1: received b'a b'\necho_127.0.0.1_1: sent b'a b'\n",
                split.substring(split.indexOf("echo_127")));
    }
}
