package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.CancelHookFuture;
import dev.weft.internal.LoopAccess;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * The upgrade of an open connection to TLS: asyncio's {@code loop.start_tls}, behind
 * {@link Endpoints#startTls} and {@link StreamWriter#startTls}.
 *
 * <p>How: an {@link SslLayer} becomes the transport's protocol (asyncio's {@code set_protocol}),
 * in the same call, so no byte received after the call reaches the old protocol in plaintext;
 * the handshake starts at once, with the options' handshake timeout. The application protocol
 * is not given {@code connectionMade} again (it is connected already); once the handshake is
 * done it receives decrypted bytes, and the future completes with the {@link TlsTransport} it
 * must write to from then on. Bytes the old protocol had already received stay where they are
 * (a {@link StreamReader}'s buffer keeps them, as in asyncio).
 *
 * <p>Threading: loop thread only. Null policy: nothing may be null.
 */
final class TlsUpgrade {
    /** A transport that can hand its connection to a TLS layer: asyncio's {@code _start_tls_compatible}. */
    interface Upgradable {
        /** Delivers to {@code next} from now on; its {@code connectionMade} is not called. */
        void replaceProtocol(Protocol next);

        /** The loop the transport belongs to. */
        EventLoop loop();
    }

    private TlsUpgrade() {
    }

    /**
     * Checks what can be checked before anything happens, so that a bad argument fails the
     * call and leaves the connection as it was (asyncio's {@code TypeError}/{@code ValueError}).
     *
     * @throws IllegalArgumentException if {@code transport} cannot be upgraded (not a socket or
     *     TLS transport), belongs to another loop, or the options do not fit the side: a server
     *     needs a context with its certificate, a client that verifies host names a server name
     */
    static void check(EventLoop loop, Transport transport, TlsOptions tls, boolean serverSide) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(tls, "tls");
        LoopAccess.get().checkThread(loop);
        if (!(transport instanceof Upgradable)) {
            throw new IllegalArgumentException("transport " + transport + " is not supported by "
                    + "startTls(): only TCP, Unix-socket and TLS connections made by weft can be "
                    + "upgraded (asyncio raises TypeError here too)");
        }
        if (((Upgradable) transport).loop() != loop) {
            throw new IllegalArgumentException("startTls(): transport " + transport + " belongs "
                    + "to another event loop than " + loop + ": call it on the transport's loop");
        }
        if (serverSide) {
            tls.checkServer();
        } else if (tls.serverName() == null && tls.hostnameVerification()) {
            // asyncio fails here inside a callback and its start_tls never returns; say it now.
            throw new IllegalArgumentException("startTls() as a client verifies the server's host "
                    + "name, so it needs that name: pass TlsOptions.withServerName(\"host\") "
                    + "(asyncio's server_hostname), or withHostnameVerification(false)");
        }
    }

    /**
     * Starts the handshake over {@code transport}, whose protocol so far was {@code protocol};
     * see the class comment. {@code swap}, if not null, runs once the handshake is done, before
     * any decrypted byte reaches {@code protocol} and before the future completes: there a
     * stream pair changes its transport.
     *
     * <p>The future fails, and the connection is closed, when the handshake does (an
     * {@link javax.net.ssl.SSLHandshakeException}: timeout, bad certificate, the peer closing),
     * and {@code protocol} then gets {@code connectionLost} with that error, so a reader waiting
     * on it learns of it (asyncio leaves it waiting). It fails with a {@link SocketException}
     * "Connection lost" at once if the transport is closing already (asyncio's
     * {@code ConnectionResetError}). Cancelling it aborts the connection.
     *
     * @throws IllegalArgumentException as {@link #check}
     */
    static Future<TlsTransport> start(EventLoop loop, Transport transport, Protocol protocol,
            TlsOptions tls, boolean serverSide, Consumer<TlsTransport> swap) {
        Objects.requireNonNull(protocol, "protocol");
        check(loop, transport, tls, serverSide);
        if (transport.isClosing()) {
            return failed(loop, new SocketException("Connection lost: startTls() on " + transport
                    + ", which is closing or closed"));
        }
        SSLEngine engine;
        try {
            engine = serverSide ? tls.serverEngine() : clientEngine(transport, tls);
        } catch (GeneralSecurityException | RuntimeException e) {
            return failed(loop, e);
        }
        // The layer completes this future itself, so the callbacks of whoever waits run before
        // the first decrypted bytes reach the protocol (see SslLayer's holdInput).
        Future<TlsTransport> result = new CancelHookFuture<>(loop, transport::abort);
        SslLayer layer = new SslLayer(loop, engine, tls, protocol, result,
                swap == null ? t -> { } : swap);
        ((Upgradable) transport).replaceProtocol(layer);
        transport.resumeReading(); // the handshake must be read even if the old protocol paused
        layer.connectionMade(transport);
        return result;
    }

    /** A client engine named after the options' server name, else the peer's address. */
    private static SSLEngine clientEngine(Transport transport, TlsOptions tls)
            throws GeneralSecurityException {
        SocketAddress peer = transport.remoteAddress();
        if (peer instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) peer;
            String host = inet.getAddress() == null ? inet.getHostString()
                    : inet.getAddress().getHostAddress();
            return tls.clientEngine(host, inet.getPort());
        }
        return tls.clientEngine(null, -1);
    }

    private static <T> Future<T> failed(EventLoop loop, Throwable e) {
        Future<T> f = loop.createFuture();
        f.setException(e);
        return f;
    }
}
