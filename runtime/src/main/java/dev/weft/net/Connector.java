package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.CancelHookFuture;
import dev.weft.internal.LoopAccess;
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
 * suppressed exceptions; a refused connection is a {@link java.net.ConnectException}.
 *
 * <p>Cancelling the result — directly, or by cancelling a task that awaits it, or by the timeout
 * of a {@code Weft.waitFor} or {@code Weft.timeout} scope around it — closes the socket in
 * progress at once, in the {@code cancel} call itself ({@link CancelHookFuture}), not when the
 * kernel gives up on a listener that never answers (about two minutes of SYN retries on Linux),
 * so a client that retries every few hundred milliseconds holds one socket, not hundreds.
 * asyncio does the same: its {@code sock_connect} closes the socket when the cancellation reaches
 * it. A connection that completed meanwhile is aborted before anyone sees it.
 *
 * <p>Threading: loop thread only.
 */
final class Connector implements Consumer<SelectionKey> {
    private final EventLoop loop;
    private final Supplier<? extends Protocol> protocolFactory;
    private final Future<Transport> result;
    private List<? extends SocketAddress> candidates = List.of();
    private final List<IOException> errors = new ArrayList<>(1);
    private int next;
    private SocketChannel channel;

    Connector(EventLoop loop, Supplier<? extends Protocol> protocolFactory) {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.result = new CancelHookFuture<>(loop, this::abandon);
    }

    /** The future of the transport; cancelling it abandons the attempt. */
    Future<Transport> result() {
        return result;
    }

    /** Starts connecting to {@code addresses} in turn (nothing happens if already cancelled). */
    void connect(List<? extends SocketAddress> addresses) {
        this.candidates = addresses;
        tryNext();
    }

    /** The result was cancelled: close the socket of the attempt in progress, if any. */
    private void abandon() {
        if (channel != null) {
            closeQuietly(channel); // closing also cancels the channel's selection key
            channel = null;
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // the attempt is abandoned (or failed): nobody is waiting for this socket any more
        }
    }

    /** Tries the next candidate; completes the result when none is left. */
    private void tryNext() {
        while (!result.done() && next < candidates.size()) {
            SocketAddress address = candidates.get(next++);
            try {
                channel = open(address);
                if (channel.connect(address)) {
                    connected();
                } else {
                    LoopAccess.get().register(loop, channel, SelectionKey.OP_CONNECT, this);
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
        if (channel == null) {
            return; // abandoned in this very select batch
        }
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
        SocketChannel ch = channel;
        channel = null; // from here on the transport (or nobody) owns the socket
        if (result.done()) {
            ch.close(); // cancelled while connecting
            return;
        }
        Protocol protocol;
        try {
            protocol = protocolFactory.get();
        } catch (RuntimeException e) {
            ch.close();
            result.setException(e);
            return;
        }
        // If the result is cancelled before connectionMade, the transport aborts itself.
        new SocketTransport(loop, ch, protocol, null, result);
    }

    private void failed(IOException e) {
        SocketAddress address = candidates.get(next - 1);
        errors.add(withAddress(e, address));
        if (channel != null) {
            closeQuietly(channel); // the attempt failed; its error is what the caller needs
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
