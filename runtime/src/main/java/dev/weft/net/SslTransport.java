package dev.weft.net;

import dev.weft.internal.LoopAccess;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.util.Objects;
import javax.net.ssl.SSLSession;

/**
 * The {@link TlsTransport} an application protocol gets from an {@link SslLayer}: asyncio's
 * {@code _SSLProtocolTransport}. Writes are encrypted by the layer; flow control, buffer limits,
 * options and addresses are the socket transport's underneath.
 *
 * <p>Threading: loop thread only (checked on the methods that change state).
 */
final class SslTransport implements TlsTransport, TlsUpgrade.Upgradable {
    private final SslLayer layer;
    private final LoopAccess bridge = LoopAccess.get();
    /** close() or abort() was called by the application: later writes are bugs. */
    private boolean closed;
    private boolean readingPaused;

    SslTransport(SslLayer layer) {
        this.layer = layer;
    }

    private void checkThread() {
        bridge.checkThread(layer.loop());
    }

    @Override
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    @Override
    public void write(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        checkThread();
        if (closed) {
            throw new IllegalStateException("cannot write to a TLS transport after close() or "
                    + "abort(): " + this);
        }
        if (layer.ending()) {
            return; // the connection is ending: the protocol learns of it from connectionLost
        }
        layer.encrypt(data, off, len);
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("a TLS connection cannot be half-closed: TLS has "
                + "no EOF of one direction (asyncio's SSL transports raise NotImplementedError "
                + "too); call close(), which sends close_notify: " + this);
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void close() {
        checkThread();
        if (!closed) {
            closed = true;
            layer.shutdown();
        }
    }

    @Override
    public void abort() {
        checkThread();
        closed = true;
        layer.abortNow();
    }

    @Override
    public boolean isClosing() {
        return closed || layer.ending();
    }

    @Override
    public void pauseReading() {
        checkThread();
        if (!isClosing() && !readingPaused) {
            readingPaused = true;
            layer.raw().pauseReading();
        }
    }

    @Override
    public void resumeReading() {
        checkThread();
        if (!isClosing() && readingPaused) {
            readingPaused = false;
            layer.raw().resumeReading();
        }
    }

    @Override
    public boolean isReading() {
        return !isClosing() && !readingPaused;
    }

    @Override
    public int getWriteBufferSize() {
        return layer.raw().getWriteBufferSize();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        layer.raw().setWriteBufferLimits(high, low);
    }

    @Override
    public int getWriteBufferHighWater() {
        return layer.raw().getWriteBufferHighWater();
    }

    @Override
    public int getWriteBufferLowWater() {
        return layer.raw().getWriteBufferLowWater();
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) {
        layer.raw().setOption(option, value);
    }

    @Override
    public <T> T getOption(SocketOption<T> option) {
        return layer.raw().getOption(option);
    }

    @Override
    public Protocol getProtocol() {
        return layer.app();
    }

    /** TLS in TLS (asyncio's SSL transports are start_tls compatible too). */
    @Override
    public void replaceProtocol(Protocol next) {
        checkThread();
        layer.replaceApp(next);
    }

    @Override
    public dev.weft.EventLoop loop() {
        return layer.loop();
    }

    @Override
    public SocketAddress remoteAddress() {
        return layer.raw().remoteAddress();
    }

    @Override
    public SocketAddress localAddress() {
        return layer.raw().localAddress();
    }

    @Override
    public String applicationProtocol() {
        String p = layer.engine().getApplicationProtocol();
        return p == null || p.isEmpty() ? null : p;
    }

    @Override
    public SSLSession session() {
        return layer.engine().getSession();
    }

    @Override
    public String toString() {
        return layer.toString();
    }
}
