package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.LoopAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link DatagramTransport} over a non-blocking {@link DatagramChannel}: asyncio's
 * {@code _SelectorDatagramTransport}.
 *
 * <p>Each read readiness receives one datagram into the loop's direct buffer and hands the
 * protocol a copy of its bytes. A send goes straight to the socket when nothing is queued; a
 * datagram the socket cannot take is queued whole (datagrams are never split) and flushed on
 * write readiness. Send and receive errors go to {@link DatagramProtocol#errorReceived} and do
 * not close the endpoint, as in asyncio.
 *
 * <p>Threading: loop thread only.
 */
final class DatagramSocketTransport implements DatagramTransport, Consumer<SelectionKey> {
    private static final int HIGH_WATER = 64 * 1024;
    private static final int LOW_WATER = HIGH_WATER / 4;

    /** A queued datagram and where it goes (null: the connected address). */
    private static final class Outgoing {
        final byte[] data;
        final SocketAddress to;

        Outgoing(byte[] data, SocketAddress to) {
            this.data = data;
            this.to = to;
        }
    }

    private final EventLoop loop;
    private final LoopAccess bridge = LoopAccess.get();
    private final DatagramChannel channel;
    private final DatagramProtocol protocol;
    private final SocketAddress localAddress;
    private final SocketAddress remoteAddress;
    private final SelectionKey key;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private int queuedBytes;
    private boolean writingPaused;
    private boolean closing;
    private boolean lost;

    DatagramSocketTransport(EventLoop loop, DatagramChannel channel, DatagramProtocol protocol,
            Future<DatagramTransport> waiter) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.protocol = Objects.requireNonNull(protocol, "the protocol factory returned null");
        this.localAddress = channel.getLocalAddress();
        this.remoteAddress = channel.getRemoteAddress();
        try {
            this.key = bridge.register(loop, channel, 0, this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the UDP socket with the loop", e);
        }
        loop.callSoon(() -> start(waiter));
    }

    private void start(Future<DatagramTransport> waiter) {
        try {
            protocol.connectionMade(this);
        } catch (RuntimeException | Error e) {
            protocolFailed("connectionMade", e);
        }
        updateInterest();
        if (!waiter.done()) {
            waiter.setResult(this);
        } else {
            abort(); // the caller gave up (cancelled) while the endpoint was set up
        }
    }

    @Override
    public void accept(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && !closing) {
            receiveOne();
        }
    }

    private void receiveOne() {
        ByteBuffer buf = bridge.ioBuffer(loop);
        buf.clear();
        SocketAddress from;
        try {
            from = channel.receive(buf);
        } catch (IOException e) {
            errorReceived(e);
            return;
        }
        if (from == null) {
            return;
        }
        buf.flip();
        byte[] data = new byte[buf.remaining()];
        buf.get(data);
        try {
            protocol.datagramReceived(data, from);
        } catch (RuntimeException | Error e) {
            protocolFailed("datagramReceived", e);
        }
    }

    @Override
    public void sendto(byte[] data) {
        sendto(data, null);
    }

    @Override
    public void sendto(byte[] data, SocketAddress address) {
        Objects.requireNonNull(data, "data");
        bridge.checkThread(loop);
        if (closing) {
            throw new IllegalStateException("cannot send on a closed UDP endpoint: " + this);
        }
        if (address == null && remoteAddress == null) {
            throw new IllegalArgumentException("this UDP endpoint is not connected: pass the "
                    + "destination address to sendto(data, address)");
        }
        if (queue.isEmpty() && sendNow(data, address)) {
            return;
        }
        queue.add(new Outgoing(data.clone(), address));
        queuedBytes += data.length;
        updateInterest();
        if (!writingPaused && queuedBytes > HIGH_WATER) {
            writingPaused = true;
            protocol.pauseWriting();
        }
    }

    /** Whether the socket took the datagram (or it failed and was reported); false: queue it. */
    private boolean sendNow(byte[] data, SocketAddress address) {
        ByteBuffer buf = bridge.ioBuffer(loop);
        if (data.length > buf.capacity()) {
            errorReceived(new IOException("datagram of " + data.length + " bytes is larger than "
                    + "the largest UDP payload this loop sends (" + buf.capacity() + " bytes)"));
            return true;
        }
        buf.clear();
        buf.put(data).flip();
        try {
            int n = address == null ? channel.write(buf) : channel.send(buf, address);
            return n > 0 || data.length == 0;
        } catch (IOException e) {
            errorReceived(e);
            return true;
        }
    }

    private void flush() {
        while (!queue.isEmpty()) {
            Outgoing next = queue.peek();
            if (!sendNow(next.data, next.to)) {
                break;
            }
            queue.poll();
            queuedBytes -= next.data.length;
        }
        if (writingPaused && queuedBytes <= LOW_WATER) {
            writingPaused = false;
            protocol.resumeWriting();
        }
        if (queue.isEmpty() && closing) {
            connectionLostSoon(null);
        }
        updateInterest();
    }

    private void errorReceived(IOException e) {
        try {
            protocol.errorReceived(e);
        } catch (RuntimeException | Error t) {
            protocolFailed("errorReceived", t);
        }
    }

    private void protocolFailed(String callback, Throwable t) {
        bridge.reportException(loop, "Fatal error: protocol." + callback + "() call failed on "
                + this, t);
        queue.clear();
        queuedBytes = 0;
        closing = true;
        connectionLostSoon(t instanceof Exception ? (Exception) t : null);
    }

    private void updateInterest() {
        int ops = 0;
        if (!lost) {
            ops = (closing ? 0 : SelectionKey.OP_READ)
                    | (queue.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        }
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    @Override
    public void close() {
        bridge.checkThread(loop);
        if (closing) {
            return;
        }
        closing = true;
        if (queue.isEmpty()) {
            connectionLostSoon(null);
        }
        updateInterest();
    }

    @Override
    public void abort() {
        bridge.checkThread(loop);
        queue.clear();
        queuedBytes = 0;
        closing = true;
        connectionLostSoon(null);
    }

    private void connectionLostSoon(Exception exc) {
        if (lost) {
            return;
        }
        lost = true;
        updateInterest();
        loop.callSoon(() -> {
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                bridge.reportException(loop, "Error closing the UDP socket of " + this, e);
            }
            try {
                protocol.connectionLost(exc);
            } catch (RuntimeException | Error e) {
                bridge.reportException(loop, "Exception in " + protocol + ".connectionLost()", e);
            }
        });
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public int getWriteBufferSize() {
        return queuedBytes;
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) {
        bridge.checkThread(loop);
        try {
            channel.setOption(option, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set " + option + " on " + this, e);
        }
    }

    @Override
    public <T> T getOption(SocketOption<T> option) {
        bridge.checkThread(loop);
        try {
            return channel.getOption(option);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + option + " of " + this, e);
        }
    }

    @Override
    public DatagramProtocol getProtocol() {
        return protocol;
    }

    @Override
    public SocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String toString() {
        return "<DatagramTransport " + (lost ? "closed" : closing ? "closing" : "open")
                + " local=" + localAddress + (remoteAddress == null ? "" : " remote=" + remoteAddress)
                + ">";
    }
}
