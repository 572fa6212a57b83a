package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.LoopBridge;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One client connection attempt: connects a non-blocking socket to each candidate address in
 * turn until one accepts, then hands the socket to a {@link SocketTransport}.
 *
 * <p>Addresses are tried one after the other, in the resolver's order (asyncio without happy
 * eyeballs). If every one fails, the result fails with the first error, the others attached as
 * suppressed exceptions; a refused connection is a {@link java.net.ConnectException}. If the
 * result future is cancelled meanwhile, the socket in progress is closed.
 *
 * <p>Threading: loop thread only.
 */
final class Connector implements Consumer<SelectionKey> {
    private final EventLoop loop;
    private final Supplier<? extends Protocol> protocolFactory;
    private final List<? extends SocketAddress> candidates;
    private final Future<Transport> result;
    private final List<IOException> errors = new ArrayList<>(1);
    private int next;
    private SocketChannel channel;

    Connector(EventLoop loop, Supplier<? extends Protocol> protocolFactory,
            List<? extends SocketAddress> candidates, Future<Transport> result) {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.candidates = candidates;
        this.result = result;
    }

    /** Tries the next candidate; completes the result when none is left. */
    void tryNext() {
        while (!result.done() && next < candidates.size()) {
            SocketAddress address = candidates.get(next++);
            try {
                channel = open(address);
                if (channel.connect(address)) {
                    connected();
                } else {
                    LoopBridge.get().register(loop, channel, SelectionKey.OP_CONNECT, this);
                }
                return;
            } catch (IOException e) {
                failed(e);
            }
        }
        if (!result.done()) {
            IOException first = errors.get(0);
            for (int i = 1; i < errors.size(); i++) {
                first.addSuppressed(errors.get(i));
            }
            result.setException(first);
        }
    }

    private static SocketChannel open(SocketAddress address) throws IOException {
        SocketChannel ch;
        if (address instanceof UnixDomainSocketAddress) {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } else {
            ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        ch.configureBlocking(false);
        return ch;
    }

    /** The socket's connect completed or failed. */
    @Override
    public void accept(SelectionKey key) {
        try {
            if (channel.finishConnect()) {
                key.interestOps(0);
                connected();
            }
        } catch (IOException e) {
            key.cancel();
            failed(e);
            tryNext();
        }
    }

    private void connected() throws IOException {
        if (result.done()) {
            channel.close(); // cancelled while connecting
            return;
        }
        Protocol protocol;
        try {
            protocol = protocolFactory.get();
        } catch (RuntimeException e) {
            channel.close();
            result.setException(e);
            return;
        }
        new SocketTransport(loop, channel, protocol, null, result);
    }

    private void failed(IOException e) {
        SocketAddress address = candidates.get(next - 1);
        errors.add(withAddress(e, address));
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the attempt already failed; its error is what the caller needs
            }
            channel = null;
        }
    }

    /** The same kind of exception, its message naming the address, so logs say where. */
    private static IOException withAddress(IOException e, SocketAddress address) {
        String where = address instanceof InetSocketAddress
                ? ((InetSocketAddress) address).getHostString() + ":"
                        + ((InetSocketAddress) address).getPort()
                : String.valueOf(address);
        String msg = "connecting to " + where + " failed: " + e.getMessage();
        IOException copy;
        if (e instanceof java.net.ConnectException) {
            copy = new java.net.ConnectException(msg);
        } else if (e instanceof java.net.SocketException) {
            copy = new java.net.SocketException(msg);
        } else {
            copy = new IOException(msg);
        }
        copy.initCause(e);
        return copy;
    }
}
