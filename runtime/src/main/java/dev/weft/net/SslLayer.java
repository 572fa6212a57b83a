package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Handle;
import dev.weft.internal.LoopAccess;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

/**
 * TLS between a socket transport and an application protocol: asyncio's {@code SSLProtocol}.
 * To the socket transport underneath ({@code raw}) it is a {@link BufferedProtocol} receiving
 * ciphertext; the application protocol sees it through its {@link SslTransport}.
 *
 * <p>Flow control is the socket's: the application's {@code pauseReading} pauses the socket,
 * and the socket's {@code pauseWriting}/{@code resumeWriting} go to the application unchanged.
 *
 * <p>Lifecycle: the handshake starts when the socket is connected, with a timer of the options'
 * handshake timeout; the application's {@code connectionMade} runs (and a client's connect future
 * completes) once it has finished. A handshake error fails the connect future of a client and is
 * reported to the loop's exception handler on a server; the engine's alert is sent and the socket
 * closed. {@code close()} sends {@code close_notify} and waits for the peer's (bounded by the
 * shutdown timeout); a {@code close_notify} from the peer is the application's
 * {@code eofReceived}, answered with ours, then the socket is closed. The application's
 * {@code connectionLost} runs exactly once, from the socket's, with the TLS error if one ended
 * the connection.
 *
 * <p>Threading: loop thread only.
 */
final class SslLayer implements BufferedProtocol {
    /*
     * Implementation overview. Everything is driven by pump(), which runs the
     * SSLEngine as far as it can go with the bytes at hand: delegated tasks run inline (as
     * OpenSSL's work does in asyncio), handshake records the engine wants to send are wrapped and
     * written to raw, received records are unwrapped. Ciphertext arrives straight into
     * netIn, which getBuffer lends to the socket transport; decrypted bytes go
     * through appIn into the application protocol's own buffer (or one array per record for
     * dataReceived). Outgoing plaintext is copied in chunks into appOut, wrapped into
     * netOut and handed to raw.write, which sends or queues it like any other bytes.
     * The four buffers are made once per connection, so a record costs no allocation beyond the
     * arrays handed to a dataReceived protocol.
     */

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final EventLoop loop;
    private final LoopAccess bridge = LoopAccess.get();
    private final SSLEngine engine;
    private final TlsOptions options;
    /** Not final: a TLS-in-TLS startTls hands this layer's output to an inner layer. */
    private Protocol app;
    private BufferedProtocol appBuffered;
    /**
     * A client's connect future, or a startTls's on either side: completed with the transport
     * once the handshake is done; null on a server's new connection.
     */
    private final Future<? super TlsTransport> waiter;
    /**
     * For a startTls (the application is connected already, so no {@code connectionMade}): run
     * once the handshake is done, before anything reaches the application; else null.
     */
    private final Consumer<TlsTransport> upgraded;
    private final SslTransport transport = new SslTransport(this);
    private Transport raw;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private final ByteBuffer appOut;
    private Handle timer;

    private boolean established;
    /**
     * A startTls's handshake is done and its future's callbacks have not run yet: decrypted
     * bytes wait for them, so a protocol that takes its new transport in such a callback writes
     * its answers to it, not in plaintext to the socket.
     */
    private boolean holdInput;
    private boolean rawWritePaused;
    /** Our close_notify is sent (or being sent): no more application data goes out. */
    private boolean shuttingDown;
    private boolean rawLost;
    /** The TLS error that ended the connection, for connectionLost. */
    private Exception failure;

    SslLayer(EventLoop loop, SSLEngine engine, TlsOptions options, Protocol app,
            Future<? super TlsTransport> waiter) {
        this(loop, engine, options, app, waiter, null);
    }

    /**
     * A layer for a connection whose application protocol is connected already (startTls):
     * {@code upgraded} runs when the handshake is done instead of {@code connectionMade}.
     */
    SslLayer(EventLoop loop, SSLEngine engine, TlsOptions options, Protocol app,
            Future<? super TlsTransport> waiter, Consumer<TlsTransport> upgraded) {
        this.upgraded = upgraded;
        this.loop = loop;
        this.engine = engine;
        this.options = options;
        this.app = java.util.Objects.requireNonNull(app, "the protocol factory returned null");
        this.appBuffered = app instanceof BufferedProtocol ? (BufferedProtocol) app : null;
        this.waiter = waiter;
        SSLSession s = engine.getSession();
        this.netIn = ByteBuffer.allocate(s.getPacketBufferSize());
        this.netIn.limit(0); // kept in read mode: the unread ciphertext is position..limit
        this.netOut = ByteBuffer.allocate(s.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize());
        this.appOut = ByteBuffer.allocate(s.getApplicationBufferSize());
    }

    // ---- the socket's protocol --------------------------------------------------------------

    @Override
    public void connectionMade(Transport transport) {
        raw = transport;
        // A startTls's socket may be above its high-water mark already.
        rawWritePaused = transport.getWriteBufferSize() > transport.getWriteBufferHighWater();
        timer = loop.callLater(options.handshakeTimeout(), this::handshakeTimedOut);
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            fatal(e);
            return;
        }
        pump();
    }

    /**
     * Room for all {@code sizeHint} bytes the socket transport has read, after the ciphertext
     * not yet unwrapped. All of them, not a part: {@link #bufferUpdated} may write (a handshake
     * record, an answer the application writes from its callback), which goes through the
     * loop's shared I/O buffer that holds the rest of this read, so the transport must have
     * handed everything over before this layer writes. A connection's buffer therefore grows to
     * the largest read it has seen (at most the loop's 64 KiB I/O buffer plus one record) and
     * stays that size, so steady bulk reads allocate nothing.
     */
    @Override
    public ByteBuffer getBuffer(int sizeHint) {
        if (netIn.capacity() - netIn.remaining() < sizeHint) {
            netIn = grow(netIn, netIn.remaining() + Math.max(sizeHint, netIn.capacity()));
        }
        netIn.compact(); // write mode, after the bytes not yet unwrapped
        return netIn;
    }

    @Override
    public void bufferUpdated(int nbytes) {
        netIn.flip();
        pump();
    }

    @Override
    public boolean eofReceived() {
        if (holdInput) { // after the records before it, which wait for the upgrade's callbacks
            loop.callSoon(() -> {
                if (!eofReceived() && !raw.isClosing()) {
                    raw.close();
                }
            });
            return true;
        }
        if (!established) {
            if (failure == null) { // asyncio: ConnectionResetError; here the handshake's error
                SSLHandshakeException e = new SSLHandshakeException("the peer closed the "
                        + "connection during the TLS handshake with " + raw.remoteAddress());
                failure = e;
                handshakeFailed(e);
            }
        } else if (!shuttingDown) {
            // EOF without close_notify: asyncio treats it as an EOF as well.
            shuttingDown = true;
            callApp("eofReceived");
        }
        return false; // the socket closes itself
    }

    @Override
    public void connectionLost(Exception exc) {
        rawLost = true;
        cancelTimer();
        Exception reason = failure != null ? failure : exc;
        if (!established) {
            if (failure == null) {
                SSLHandshakeException e = new SSLHandshakeException("the connection closed "
                        + "during the TLS handshake" + (exc == null ? "" : ": " + exc));
                e.initCause(exc);
                handshakeFailed(e);
                reason = e;
            }
            if (upgraded != null) {
                appLost(reason); // it was connected before the upgrade: end it with the error
            }
            return;
        }
        appLost(reason);
    }

    private void appLost(Exception reason) {
        try {
            app.connectionLost(reason);
        } catch (RuntimeException | Error e) {
            bridge.reportException(loop, "Exception in " + app + ".connectionLost()", e);
        }
    }

    @Override
    public void pauseWriting() {
        rawWritePaused = true;
        if (established) {
            callApp("pauseWriting");
        }
    }

    @Override
    public void resumeWriting() {
        rawWritePaused = false;
        if (established) {
            callApp("resumeWriting");
        }
    }

    // ---- driving the engine -----------------------------------------------------------------

    /** Runs the engine until it needs bytes that have not arrived (or the connection ends). */
    private void pump() {
        while (!rawLost && failure == null && !holdInput) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null;
                        task = engine.getDelegatedTask()) {
                    task.run();
                }
            } else if (hs == HandshakeStatus.NEED_WRAP) {
                if (!wrap(EMPTY)) {
                    break;
                }
            } else if (!unwrapOnce()) {
                break;
            }
        }
        if (!established && failure == null && !rawLost && !engine.isOutboundDone()
                && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
            established(); // a FINISHED the engine reported without a record of its own
        }
    }

    /** Unwraps one record; false when there is nothing more to do until more bytes come. */
    private boolean unwrapOnce() {
        if (!netIn.hasRemaining()) {
            return false;
        }
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } catch (SSLException e) {
            fatal(e);
            return false;
        }
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            established();
        }
        if (appIn.position() > 0) {
            deliver();
        }
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW:
                if (netIn.capacity() < engine.getSession().getPacketBufferSize()) {
                    netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                }
                return false;
            case BUFFER_OVERFLOW: // the record does not fit even an empty appIn (delivered above)
                appIn = ByteBuffer.allocate(Math.max(appIn.capacity() * 2,
                        engine.getSession().getApplicationBufferSize()));
                return true;
            case CLOSED:
                inboundClosed();
                return false;
            default:
                HandshakeStatus next = engine.getHandshakeStatus();
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0
                        || next == HandshakeStatus.NEED_TASK || next == HandshakeStatus.NEED_WRAP;
        }
    }

    /**
     * Wraps what the engine takes of {@code src} into one record and writes it to the socket;
     * false if the engine is closed or failed.
     */
    private boolean wrap(ByteBuffer src) {
        for (;;) {
            netOut.clear();
            SSLEngineResult r;
            try {
                r = engine.wrap(src, netOut);
            } catch (SSLException e) {
                fatal(e);
                return false;
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(Math.max(netOut.capacity() * 2,
                        engine.getSession().getPacketBufferSize()));
                continue;
            }
            sendNetOut();
            if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                established();
            }
            return r.getStatus() == SSLEngineResult.Status.OK || r.bytesProduced() > 0;
        }
    }

    private void sendNetOut() {
        if (netOut.position() > 0 && !raw.isClosing()) {
            raw.write(netOut.array(), 0, netOut.position());
        }
    }

    /** Hands the decrypted bytes in {@link #appIn} to the application protocol. */
    private void deliver() {
        appIn.flip();
        try {
            if (shuttingDown) {
                return; // closing: data after our close_notify is dropped, as in asyncio
            }
            if (appBuffered == null) {
                byte[] data = new byte[appIn.remaining()];
                appIn.get(data);
                app.dataReceived(data);
                return;
            }
            while (appIn.hasRemaining()) {
                ByteBuffer dst = appBuffered.getBuffer(appIn.remaining());
                int n = Math.min(dst.remaining(), appIn.remaining());
                if (n <= 0) {
                    throw new IllegalStateException("BufferedProtocol.getBuffer returned a "
                            + "buffer with no space remaining");
                }
                int limit = appIn.limit();
                appIn.limit(appIn.position() + n);
                dst.put(appIn);
                appIn.limit(limit);
                appBuffered.bufferUpdated(n);
            }
        } catch (RuntimeException | Error e) {
            appFailed(appBuffered == null ? "dataReceived" : "bufferUpdated", e);
        } finally {
            appIn.clear();
        }
    }

    /** A copy of {@code readMode}'s unread bytes in a new buffer, in read mode. */
    private static ByteBuffer grow(ByteBuffer readMode, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        bigger.put(readMode);
        bigger.flip();
        return bigger;
    }

    // ---- handshake ---------------------------------------------------------------------------

    private void established() {
        if (established) {
            return;
        }
        established = true;
        cancelTimer();
        try {
            if (upgraded != null) {
                upgraded.accept(transport);
            } else {
                app.connectionMade(transport);
            }
        } catch (RuntimeException | Error e) {
            appFailed(upgraded != null ? "startTls" : "connectionMade", e);
            return;
        }
        if (rawWritePaused) {
            callApp("pauseWriting");
        }
        if (waiter != null && !waiter.done()) {
            waiter.setResult(transport);
            if (upgraded != null) {
                holdInput = true; // released after the callbacks setResult has just scheduled
                loop.callSoon(() -> {
                    holdInput = false;
                    pump();
                });
            }
        } else if (waiter != null) {
            raw.abort(); // whoever waited for the connection gave up (cancelled)
        }
    }

    private void handshakeTimedOut() {
        timer = null;
        if (established || rawLost || failure != null) {
            return;
        }
        SSLHandshakeException e = new SSLHandshakeException("TLS handshake with "
                + raw.remoteAddress() + " is taking longer than " + options.handshakeTimeout()
                + " (TlsOptions.withHandshakeTimeout): aborting the connection");
        e.initCause(new SocketTimeoutException("TLS handshake timed out"));
        failure = e;
        handshakeFailed(e);
        raw.abort();
    }

    /** Tells the one who should know: a client's connect future, or a server's error report. */
    private void handshakeFailed(SSLException e) {
        if (waiter != null) {
            if (!waiter.done()) {
                waiter.setException(e);
            }
        } else {
            bridge.reportException(loop, "TLS handshake failed with " + raw.remoteAddress()
                    + " on " + raw.localAddress(), e);
        }
    }

    /** A TLS error: sends the engine's alert, closes the socket, tells whoever should know. */
    private void fatal(SSLException e) {
        if (failure != null) {
            return;
        }
        failure = e;
        cancelTimer();
        engine.closeOutbound();
        try {
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                netOut.clear();
                engine.wrap(EMPTY, netOut);
                sendNetOut();
            }
        } catch (SSLException ignored) {
            // the alert is a courtesy to the peer; the error that matters is e
        }
        if (!established) {
            handshakeFailed(e instanceof SSLHandshakeException ? e : handshakeError(e));
        }
        if (!raw.isClosing()) {
            raw.close(); // flushes the alert first
        }
    }

    private static SSLHandshakeException handshakeError(SSLException e) {
        SSLHandshakeException h = new SSLHandshakeException("TLS handshake failed: "
                + e.getMessage());
        h.initCause(e);
        return h;
    }

    // ---- closing -----------------------------------------------------------------------------

    /** The peer's close_notify arrived: its EOF for the application, then our answer. */
    private void inboundClosed() {
        if (!shuttingDown) {
            shuttingDown = true;
            callApp("eofReceived");
        }
        sendCloseNotify();
        if (!raw.isClosing()) {
            raw.close();
        }
    }

    private void sendCloseNotify() {
        engine.closeOutbound();
        for (int i = 0; i < 4 && !engine.isOutboundDone() && failure == null; i++) {
            if (!wrap(EMPTY)) {
                break;
            }
        }
    }

    /** Starts our side of the close: close_notify now, the socket once the peer answers. */
    void shutdown() {
        if (shuttingDown || rawLost) {
            return;
        }
        shuttingDown = true;
        sendCloseNotify();
        if (engine.isInboundDone() || raw.isClosing()) {
            raw.close();
            return;
        }
        raw.resumeReading(); // the peer's close_notify must be read even if the app paused
        timer = loop.callLater(options.shutdownTimeout(), () -> {
            timer = null;
            if (!rawLost) {
                failure = new SocketTimeoutException("the peer did not answer close_notify within "
                        + options.shutdownTimeout() + " (TlsOptions.withShutdownTimeout): "
                        + "connection aborted");
                raw.abort();
            }
        });
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Calls a no-argument application callback; a failure there is fatal to the connection. */
    private void callApp(String callback) {
        try {
            switch (callback) {
                case "pauseWriting": app.pauseWriting(); break;
                case "resumeWriting": app.resumeWriting(); break;
                default: app.eofReceived(); break; // its answer is ignored: TLS cannot half-close
            }
        } catch (RuntimeException | Error e) {
            appFailed(callback, e);
        }
    }

    private void appFailed(String callback, Throwable t) {
        bridge.reportException(loop, "Fatal error: protocol." + callback + "() call failed on "
                + this, t);
        if (t instanceof Exception && failure == null) {
            failure = (Exception) t;
        }
        raw.abort();
    }

    // ---- for the application's transport (SslTransport) ------------------------------------

    EventLoop loop() {
        return loop;
    }

    Protocol app() {
        return app;
    }

    /** TLS in TLS: the decrypted bytes go to {@code next}, an inner layer, from now on. */
    void replaceApp(Protocol next) {
        app = java.util.Objects.requireNonNull(next, "next");
        appBuffered = next instanceof BufferedProtocol ? (BufferedProtocol) next : null;
    }

    /** A server connection's layer: a new server engine; {@code tls} has been checked. */
    static SslLayer server(EventLoop loop, TlsOptions tls, Protocol app) {
        return new SslLayer(loop, tls.serverEngine(), tls, app, null);
    }

    Transport raw() {
        return raw;
    }

    SSLEngine engine() {
        return engine;
    }

    /** Whether the connection is ending whatever the application did: no more output. */
    boolean ending() {
        return shuttingDown || rawLost || failure != null || raw.isClosing();
    }

    /** Encrypts {@code len} bytes of {@code data} and writes the records to the socket. */
    void encrypt(byte[] data, int off, int len) {
        while (len > 0) {
            int chunk = Math.min(len, appOut.capacity());
            appOut.clear();
            appOut.put(data, off, chunk);
            appOut.flip();
            while (appOut.hasRemaining()) {
                if (!wrap(appOut)) {
                    return;
                }
            }
            off += chunk;
            len -= chunk;
        }
    }

    /**
     * A server's graceful close of the connection (Server.closeClients): close_notify as for
     * the application's own close, once the handshake is done (the application's later writes
     * are dropped, as after a socket's graceful close); false while handshaking (the caller
     * then closes the socket).
     */
    boolean closeGracefully() {
        if (!established) {
            return false;
        }
        shutdown(); // nothing if the connection is ending already
        return true;
    }

    /** The application aborted: the socket closes now, without close_notify. */
    void abortNow() {
        shuttingDown = true;
        raw.abort();
    }

    @Override
    public String toString() {
        String state = rawLost ? "closed" : shuttingDown ? "closing"
                : established ? "open" : "handshaking";
        return "<TlsTransport " + state + " " + (established ? engine.getSession().getProtocol()
                + " " : "") + (raw == null ? "" : "local=" + raw.localAddress() + " remote="
                        + raw.remoteAddress()) + ">";
    }
}
