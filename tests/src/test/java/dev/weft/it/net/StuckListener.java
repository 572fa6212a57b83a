package dev.weft.it.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts, with its accept queue full, so that a connect to it
 * stays pending: the "server that never answers" of a connect-timeout test, without leaving
 * loopback.
 *
 * <p>How: a listening socket with a backlog of 1 that nobody accepts on, and a few plain
 * non-blocking connects to it first. Linux queues backlog + 1 completed connections; with the
 * queue full it drops further SYNs (with {@code tcp_abort_on_overflow} at its default 0), so a
 * new connect stays in SYN_SENT, retrying, for about two minutes. The same setup makes CPython's
 * {@code asyncio.wait_for(open_connection(...), 0.05)} time out every time.
 *
 * <p>Test thread or loop thread; close it to release everything.
 */
final class StuckListener implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final List<SocketChannel> fillers = new ArrayList<>();

    StuckListener() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
        for (int i = 0; i < 4; i++) {
            SocketChannel filler = SocketChannel.open();
            filler.configureBlocking(false);
            filler.connect(address);
            fillers.add(filler);
        }
        try {
            Thread.sleep(100); // let the kernel complete the handshakes that fit in the queue
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
