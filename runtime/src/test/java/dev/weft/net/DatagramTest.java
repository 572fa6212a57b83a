package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** UDP endpoints on loopback: an echo endpoint and a connected client. */
@Timeout(30)
class DatagramTest {
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void close() {
        loop.close();
    }

    /** Echoes every datagram to its sender. */
    static final class Echo implements DatagramProtocol {
        DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport t) {
            transport = t;
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress from) {
            transport.sendto(data, from);
        }
    }

    /** Collects replies and completes {@code done} after {@code expected} of them. */
    static final class Client implements DatagramProtocol {
        final List<String> got = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final Future<List<String>> done;
        final int expected;

        Client(EventLoop loop, int expected) {
            this.done = loop.createFuture();
            this.expected = expected;
        }

        @Override
        public void connectionMade(DatagramTransport t) {
            events.add("made");
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress from) {
            got.add(new String(data, StandardCharsets.US_ASCII));
            if (got.size() == expected) {
                done.setResult(got);
            }
        }

        @Override
        public void connectionLost(Exception exc) {
            events.add("lost");
        }
    }

    @Test
    void createDatagramEndpoint_connectedClientToEchoEndpoint_getsEveryDatagramBack() {
        DatagramTransport server = loop.runUntilComplete(Endpoints.createDatagramEndpoint(loop, Echo::new,
                new InetSocketAddress("127.0.0.1", 0), null));
        Client client = new Client(loop, 3);
        DatagramTransport t = loop.runUntilComplete(Endpoints.createDatagramEndpoint(loop, () -> client,
                null, server.localAddress()));
        loop.callSoon(() -> {
            for (String s : List.of("one", "two", "three")) {
                t.sendto(s.getBytes(StandardCharsets.US_ASCII));
            }
        });

        List<String> got = loop.runUntilComplete(client.done);
        Future<Void> closed = loop.createFuture();
        loop.callSoon(() -> {
            t.close();
            server.close();
            loop.callSoon(() -> loop.callSoon(() -> closed.setResult(null)));
        });
        loop.runUntilComplete(closed);

        // UDP may reorder datagrams, even if loopback does not in practice: compare as sets.
        assertEquals(java.util.Set.of("one", "two", "three"), new java.util.HashSet<>(got));
        assertEquals(List.of("made", "lost"), client.events);
    }

    @Test
    void createDatagramEndpoint_unresolvedLocalhostName_isResolvedOffTheLoop() {
        DatagramTransport t = loop.runUntilComplete(Endpoints.createDatagramEndpoint(loop, Echo::new,
                InetSocketAddress.createUnresolved("localhost", 0), null));

        assertEquals(true, ((InetSocketAddress) t.localAddress()).getAddress().isLoopbackAddress());
        loop.callSoon(t::abort);
    }

    @Test
    void createDatagramEndpoint_noAddressAtAll_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Endpoints.createDatagramEndpoint(loop, Echo::new, null, null));
    }
}
