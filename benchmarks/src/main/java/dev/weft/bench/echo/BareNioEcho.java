package dev.weft.bench.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Consumer;

/**
 * The floor: a bare NIO loop on one thread, {@link Selector#select(Consumer)} with one handler
 * object and one direct buffer for every read, no framework. A read is written back at once;
 * what the socket does not take waits in the connection's own buffer (made on the first partial
 * write) with reading paused until it is flushed, so back-pressure is kept as a real server must.
 *
 * <p>Everything runs on the loop thread, which {@link #start} starts.
 */
final class BareNioEcho implements Consumer<SelectionKey> {
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);

    private BareNioEcho() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(WeftEchoServers.HOST, 0));
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** A connection's unsent bytes: made on its first partial write, reused after. */
    private static final class Pending {
        ByteBuffer bytes;
    }

    static EchoServer start() throws IOException {
        BareNioEcho server = new BareNioEcho();
        Thread loop = new Thread(server::run, "bare-nio-loop");
        loop.setDaemon(true);
        loop.start();
        int port = ((InetSocketAddress) server.listener.getLocalAddress()).getPort();
        return new EchoServer() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public List<Thread> loopThreads() {
                return List.of(loop);
            }

            @Override
            public void close() {
                // A daemon thread: the server JVM's exit ends it.
            }
        };
    }

    private void run() {
        try {
            while (true) {
                selector.select(this);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                acceptAll();
            } else if (key.isWritable()) {
                flush(key);
            } else if (key.isReadable()) {
                echo(key);
            }
        } catch (IOException e) {
            close(key); // a client that reset at the end of a run
        }
    }

    private void acceptAll() throws IOException {
        for (SocketChannel ch = listener.accept(); ch != null; ch = listener.accept()) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.register(selector, SelectionKey.OP_READ, new Pending());
        }
    }

    private void echo(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        buffer.clear();
        if (ch.read(buffer) < 0) {
            close(key);
            return;
        }
        buffer.flip();
        ch.write(buffer);
        if (buffer.hasRemaining()) {
            Pending pending = (Pending) key.attachment();
            if (pending.bytes == null) {
                pending.bytes = ByteBuffer.allocate(buffer.capacity());
            }
            pending.bytes.clear();
            pending.bytes.put(buffer).flip();
            key.interestOps(SelectionKey.OP_WRITE); // stop reading until the peer takes it
        }
    }

    private void flush(SelectionKey key) throws IOException {
        ByteBuffer bytes = ((Pending) key.attachment()).bytes;
        ((SocketChannel) key.channel()).write(bytes);
        if (!bytes.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing a reset socket: nothing left to do
        }
    }
}
