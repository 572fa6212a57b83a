package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.internal.LoopAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One listening socket of a {@link Server}: accepts connections when its key is ready and hands
 * each to the server.
 *
 * <p>On each readiness it accepts up to {@code backlog} connections, as asyncio does, but never
 * more than {@value #MAX_ACCEPTS_PER_EVENT}. Every connection accepted on one event gets its
 * {@code connectionMade} (on a stream server, its client handler's first step) in the same ready
 * batch, with no timer and no other socket served in between; with a backlog of 1,000 and a
 * handler that writes to every client (a chat server's join notice), that one batch was hundreds
 * of thousands of socket writes and held the loop for seconds. The connections still in the
 * kernel's queue keep the socket ready, so the next iteration accepts the next group. When
 * accepting fails for lack of
 * resources (for example too many open files) the error is reported through the loop's exception
 * handler and accepting pauses for {@value #RETRY_DELAY_MILLIS} ms instead of spinning on a
 * socket that stays ready; the connections already open are unaffected.
 *
 * <p>Threading: loop thread only.
 */
final class Listener implements Consumer<SelectionKey> {
    private static final long RETRY_DELAY_MILLIS = 1000;
    /** The most connections accepted on one readiness event, whatever the backlog. */
    static final int MAX_ACCEPTS_PER_EVENT = 32;

    private final EventLoop loop;
    private final Server server;
    private final ServerSocketChannel channel;
    private final SocketAddress address;
    /** How many connections one readiness event accepts at most. */
    private final int acceptsPerEvent;
    private final SelectionKey key;

    Listener(EventLoop loop, Server server, ServerSocketChannel channel, int backlog) {
        this.loop = loop;
        this.server = server;
        this.channel = channel;
        this.acceptsPerEvent = Math.min(backlog, MAX_ACCEPTS_PER_EVENT);
        try {
            this.address = channel.getLocalAddress();
            this.key = LoopAccess.get().register(loop, channel, SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the listening socket " + channel, e);
        }
    }

    /** The address the socket is bound to. */
    SocketAddress address() {
        return address;
    }

    @Override
    public void accept(SelectionKey k) {
        for (int i = 0; i < acceptsPerEvent; i++) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                pauseAfter(e);
                return;
            }
            if (client == null) {
                return;
            }
            server.accepted(client);
        }
    }

    private void pauseAfter(IOException e) {
        if (!channel.isOpen()) {
            return;
        }
        LoopAccess.get().reportException(loop, "Socket accept failed on " + address
                + "; accepting again in " + RETRY_DELAY_MILLIS + " ms", e);
        key.interestOps(0);
        loop.callLater(RETRY_DELAY_MILLIS, () -> {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    /** Stops listening and closes the socket; the accepted connections stay open. */
    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LoopAccess.get().reportException(loop, "Error closing listening socket " + address, e);
        }
    }
}
