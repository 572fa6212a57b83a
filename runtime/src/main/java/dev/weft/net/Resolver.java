package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Host-name resolution that never blocks a loop thread: asyncio's {@code getaddrinfo} in the
 * default executor.
 *
 * <p>A literal address ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}) is parsed on the spot,
 * which involves no lookup. Any other name is resolved with
 * {@link InetAddress#getAllByName(String)} on one of a few shared daemon threads
 * ({@code weft-resolver-N}, at most {@value #THREADS}, idle ones exit after 30 s), and the result
 * comes back to the loop through {@link EventLoop#callSoonThreadsafe}. A null host means the
 * wildcard address (all interfaces) for a server and the loopback address for a client, as in
 * asyncio.
 *
 * <p>Threading: {@link #resolve} must be called on the loop thread; the returned future is
 * completed there.
 */
final class Resolver {
    private static final int THREADS = 4;
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final ThreadPoolExecutor EXECUTOR = executor();

    private Resolver() {
    }

    private static ThreadPoolExecutor executor() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "weft-resolver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor e = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /**
     * The addresses of {@code host}, completed on the loop thread; fails with
     * {@link UnknownHostException} when the name does not resolve.
     *
     * @param host a name, a literal address, or null for the wildcard (server) or loopback
     *     (client) address
     * @param passive true for a server's bind address
     */
    static Future<List<InetAddress>> resolve(EventLoop loop, String host, boolean passive) {
        Future<List<InetAddress>> result = loop.createFuture();
        InetAddress literal = literal(host, passive);
        if (literal != null) {
            result.setResult(List.of(literal));
            return result;
        }
        EXECUTOR.execute(() -> {
            List<InetAddress> found = null;
            Exception error = null;
            try {
                found = List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException | RuntimeException e) {
                error = e;
            }
            deliver(loop, result, found, error);
        });
        return result;
    }

    private static void deliver(EventLoop loop, Future<List<InetAddress>> result,
            List<InetAddress> found, Exception error) {
        try {
            loop.callSoonThreadsafe(() -> {
                if (result.done()) {
                    return; // the caller gave up meanwhile
                }
                if (error != null) {
                    result.setException(error);
                } else {
                    result.setResult(found);
                }
            });
        } catch (IllegalStateException closed) {
            // the loop was closed while the name was being resolved: nobody is left to tell
        }
    }

    /** The address a literal host stands for, or null when {@code host} is a name to look up. */
    static InetAddress literal(String host, boolean passive) {
        try {
            if (host == null || host.isEmpty()) {
                return passive ? InetAddress.getByName("0.0.0.0") : InetAddress.getLoopbackAddress();
            }
            String h = host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1) : host;
            if (IPV4.matcher(h).matches() || h.indexOf(':') >= 0) {
                return InetAddress.getByName(h); // a literal is parsed, never looked up
            }
            return null;
        } catch (UnknownHostException e) {
            return null; // not a well-formed literal after all: let the lookup report it
        }
    }
}
