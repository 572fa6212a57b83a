package dev.weft.bench.echo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The server JVM of the echo suite: {@code java -cp benchmarks.jar
 * dev.weft.bench.echo.EchoServerMain KIND [KEYSTORE]} starts the {@link EchoKind} named KIND on
 * 127.0.0.1 (a TLS kind presents the certificate in the PKCS#12 KEYSTORE that
 * {@link EchoCerts} made), prints {@code port N}, then answers each line {@code alloc} on stdin
 * with {@code alloc BYTES USER_NS}: the bytes the server's loop threads have allocated so far
 * ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])}) and the user CPU they
 * have used, read here because only this JVM can. It exits when stdin ends, so it never outlives the suite.
 *
 * <p>The main thread only answers control lines; the servers run on their own loop threads.
 */
public final class EchoServerMain {
    private EchoServerMain() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        EchoKind kind = EchoKind.byId(args[0]);
        SSLContext tls = kind.tls() ? EchoCerts.serverContext(Path.of(args[1])) : null;
        EchoServer server = kind.start(tls);
        long[] ids = threadIds(server.loopThreads());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("port " + server.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("alloc")) {
                long bytes = 0;
                long user = 0;
                for (int i = 0; i < ids.length; i++) {
                    bytes += threads.getThreadAllocatedBytes(ids[i]);
                    user += threads.getThreadUserTime(ids[i]);
                }
                System.out.println("alloc " + bytes + " " + user);
                System.out.flush();
            }
        }
        server.close();
        System.exit(0);
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the suite runs on 17 too
    private static long[] threadIds(List<Thread> threads) {
        long[] ids = new long[threads.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = threads.get(i).getId();
        }
        return ids;
    }
}
