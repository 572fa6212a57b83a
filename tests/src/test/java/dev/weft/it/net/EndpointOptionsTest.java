package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.DatagramOptions;
import dev.weft.net.DatagramProtocol;
import dev.weft.net.DatagramTransport;
import dev.weft.net.Endpoints;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, point 9: bind errors that say what went wrong, and socket options for UDP endpoints
 * as for TCP servers. {@code 192.0.2.1} (TEST-NET-1, never assigned to a host) is only bound,
 * which fails locally; no traffic leaves loopback.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EndpointOptionsTest {
    private static final String HOST = "127.0.0.1";
    private static final String NOT_HERE = "192.0.2.1";

    /** Receives nothing in particular. */
    static final class Quiet implements DatagramProtocol {
        @Override
        public void connectionMade(DatagramTransport t) {
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress from) {
        }
    }

    @Async
    static Coroutine<Void> ignore(StreamReader reader, StreamWriter writer) {
        return Weft.done();
    }

    @Async
    static Coroutine<Throwable> failureOf(Future<?> f) {
        try {
            Weft.await(f);
            return Weft.done(null);
        } catch (Exception e) {
            return Weft.done(e);
        }
    }

    @Async
    static Coroutine<List<Throwable>> bindFailures() {
        List<Throwable> errors = new ArrayList<>();
        errors.add(Weft.await(failureOf(Streams.startServer(EndpointOptionsTest::ignore, NOT_HERE, 0))));
        errors.add(Weft.await(failureOf(Endpoints.createDatagramEndpoint(Weft.loop(), Quiet::new,
                new InetSocketAddress(NOT_HERE, 0), null))));
        Server taken = Weft.await(Streams.startServer(EndpointOptionsTest::ignore, HOST, 0));
        errors.add(Weft.await(failureOf(Streams.startServer(EndpointOptionsTest::ignore, HOST, taken.port(),
                StreamReader.DEFAULT_LIMIT, ServerOptions.defaults().withReuseAddress(false)))));
        taken.close();
        return Weft.done(errors);
    }

    @Test
    void bind_addressNotOnThisHost_saysSoInsteadOfAdvisingAnotherPort() {
        List<Throwable> errors = Weft.run(bindFailures());

        for (Throwable e : errors.subList(0, 2)) {
            assertTrue(e instanceof BindException, "not a BindException: " + e);
            assertTrue(e.getMessage().contains("this host has no network interface with the address 192.0.2.1"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("another port,"), e.getMessage());
        }
        Throwable inUse = errors.get(2);
        assertTrue(inUse instanceof BindException, "not a BindException: " + inUse);
        assertTrue(inUse.getMessage().contains("choose another port"), inUse.getMessage());
    }

    @Async
    static Coroutine<List<String>> udpOptions() {
        List<String> log = new ArrayList<>();
        InetSocketAddress any = new InetSocketAddress(HOST, 0);
        DatagramTransport plain = Weft.await(Endpoints.createDatagramEndpoint(Weft.loop(), Quiet::new, any, null));
        DatagramOptions options = DatagramOptions.defaults().withReceiveBufferSize(8192)
                .withSendBufferSize(8192).withBroadcast(true).withReuseAddress(true).withReusePort(true);
        DatagramTransport tuned = Weft.await(Endpoints.createDatagramEndpoint(Weft.loop(), Quiet::new, any, null, options));
        int rcv = tuned.getOption(StandardSocketOptions.SO_RCVBUF);
        int snd = tuned.getOption(StandardSocketOptions.SO_SNDBUF);
        // Linux doubles the value it is given; other systems keep it.
        log.add("receive buffer as asked " + (rcv >= 8192 && rcv <= 2 * 8192)
                + ", smaller than the default " + (rcv < plain.getOption(StandardSocketOptions.SO_RCVBUF)));
        log.add("send buffer as asked " + (snd >= 8192 && snd <= 2 * 8192));
        log.add("broadcast " + tuned.getOption(StandardSocketOptions.SO_BROADCAST) + ", default "
                + plain.getOption(StandardSocketOptions.SO_BROADCAST));
        log.add("reuse address " + tuned.getOption(StandardSocketOptions.SO_REUSEADDR) + ", default "
                + plain.getOption(StandardSocketOptions.SO_REUSEADDR));
        // A second endpoint on the same port: allowed with SO_REUSEPORT on both, refused without.
        SocketAddress samePort = tuned.localAddress();
        DatagramTransport twin = Weft.await(Endpoints.createDatagramEndpoint(Weft.loop(), Quiet::new, samePort, null,
                DatagramOptions.defaults().withReusePort(true)));
        log.add("second endpoint on the port with reusePort: bound " + twin.localAddress().equals(samePort));
        Throwable refused = Weft.await(failureOf(Endpoints.createDatagramEndpoint(Weft.loop(), Quiet::new,
                plain.localAddress(), null)));
        log.add("second endpoint without reusePort: " + refused.getClass().getSimpleName());
        if (ipv6Loopback()) {
            DatagramTransport v6 = Weft.await(Endpoints.createDatagramEndpoint(Weft.loop(), Quiet::new,
                    new InetSocketAddress("::1", 0), null, DatagramOptions.defaults().withReceiveBufferSize(8192)));
            log.add("IPv6 endpoint with options bound " + (v6.localAddress() != null));
            v6.close();
        } else {
            log.add("IPv6 endpoint with options bound true"); // no IPv6 loopback here: nothing to try
        }
        plain.close();
        tuned.close();
        twin.close();
        return Weft.done(log);
    }

    /** Whether this host can bind a UDP socket on {@code ::1}. */
    static boolean ipv6Loopback() {
        try (java.nio.channels.DatagramChannel ch = java.nio.channels.DatagramChannel.open(
                java.net.StandardProtocolFamily.INET6)) {
            ch.bind(new InetSocketAddress("::1", 0));
            return true;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void datagramEndpoint_withOptions_setsThemBeforeBinding() {
        List<String> log = Weft.run(udpOptions());

        assertEquals(List.of("receive buffer as asked true, smaller than the default true",
                "send buffer as asked true", "broadcast true, default false", "reuse address true, default false",
                "second endpoint on the port with reusePort: bound true",
                "second endpoint without reusePort: BindException", "IPv6 endpoint with options bound true"), log);
    }

    @Async
    static Coroutine<String> serverBuffers() {
        Server server = Weft.await(Streams.startServer(EndpointOptionsTest::ignore, HOST, 0,
                StreamReader.DEFAULT_LIMIT, ServerOptions.defaults().withReceiveBufferSize(8192)));
        Future<int[]> accepted = Weft.loop().createFuture();
        Server probe = Weft.await(Endpoints.createServer(Weft.loop(), () -> new dev.weft.net.Protocol() {
            @Override
            public void connectionMade(dev.weft.net.Transport t) {
                accepted.setResult(new int[] {t.getOption(StandardSocketOptions.SO_RCVBUF),
                        t.getOption(StandardSocketOptions.SO_SNDBUF)});
                t.close();
            }
        }, HOST, 0, ServerOptions.defaults().withReceiveBufferSize(8192).withSendBufferSize(8192)));
        var c = Weft.await(Streams.openConnection(HOST, probe.port()));
        int[] sizes = Weft.await(accepted);
        c.writer().close();
        server.close();
        probe.close();
        return Weft.done("accepted connection's buffers as asked " + (sizes[0] >= 8192 && sizes[0] <= 2 * 8192)
                + " " + (sizes[1] >= 8192 && sizes[1] <= 2 * 8192));
    }

    @Test
    void server_withBufferSizes_acceptedConnectionsGetThem() {
        assertEquals("accepted connection's buffers as asked true true", Weft.run(serverBuffers()));
    }

    @Test
    void options_badSizesAndNull_rejectedWithClearErrors() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> DatagramOptions.defaults().withReceiveBufferSize(0));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatagramOptions.defaults().withSendBufferSize(-1));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withReceiveBufferSize(0));
        assertEquals("DatagramOptions[receiveBufferSize=0, sendBufferSize=0, broadcast=false, reuseAddress=false, "
                + "reusePort=false]", DatagramOptions.defaults().toString());
    }
}
