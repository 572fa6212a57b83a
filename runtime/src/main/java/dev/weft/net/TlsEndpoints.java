package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.CancelHookFuture;
import dev.weft.internal.LoopAccess;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * The TLS forms of connections and servers behind {@link Endpoints} (asyncio's
 * {@code create_connection} and {@code create_server} with {@code ssl=}): call them through
 * {@link Endpoints}; {@link Streams} builds its TLS streams on these.
 *
 * <p>A client's future completes with a {@link TlsTransport} once the TCP connection is made
 * <em>and</em> the handshake has finished (the protocol's {@code connectionMade} has run by
 * then); it fails with the connect error, or with an {@link javax.net.ssl.SSLHandshakeException}
 * saying why the handshake failed (an untrusted certificate, a certificate for another host
 * name, no common ALPN protocol or cipher, the peer closing or not finishing within the
 * handshake timeout). Cancelling it closes the socket at once, whether it is still connecting or
 * handshaking. A server's connections get their protocol's {@code connectionMade} after their
 * handshake; a handshake that fails on a server (a client that sends plaintext, distrusts the
 * certificate or stalls) is reported to the loop's exception handler and its socket closed, and
 * the server goes on serving.
 *
 * <p>Threading: loop thread only. Null policy: no argument may be null except the host (null
 * means loopback for a client, every interface for a server).
 */
final class TlsEndpoints {
    private TlsEndpoints() {
    }

    /** Connects to {@code host}:{@code port} and runs a TLS client handshake; see above. */
    static Future<Transport> createConnection(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port,
            TlsOptions tls) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(tls, "tls");
        LoopAccess.get().checkThread(loop);
        SSLEngine engine;
        try {
            engine = tls.clientEngine(host, port);
        } catch (GeneralSecurityException e) {
            Future<Transport> failed = loop.createFuture();
            failed.setException(e);
            return failed;
        }
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: one slot the cancel hook reads
        Future<Transport>[] connecting = new Future[1];
        Transport[] rawTransport = new Transport[1];
        Future<Transport> result = new CancelHookFuture<>(loop, () -> {
            if (rawTransport[0] != null) {
                rawTransport[0].abort(); // handshaking: close the socket now
            } else if (connecting[0] != null) {
                connecting[0].cancel(); // still connecting: closes its socket
            }
        });
        connecting[0] = Endpoints.createConnection(loop,
                () -> new SslLayer(loop, engine, tls, protocolFactory.get(), result), host, port);
        connecting[0].addDoneCallback(f -> {
            if (f.cancelled()) {
                if (!result.done()) {
                    result.cancel();
                }
            } else if (f.exception() != null) {
                if (!result.done()) {
                    result.setException(f.exception());
                }
            } else {
                rawTransport[0] = f.result();
                if (result.cancelled()) {
                    f.result().abort(); // given up on meanwhile
                }
            }
        });
        return result;
    }

    /**
     * Starts a TLS server on {@code host}:{@code port}; each accepted connection handshakes
     * before its protocol sees it.
     *
     * @throws IllegalArgumentException if {@code tls} has no {@link javax.net.ssl.SSLContext}
     *     (a server needs one holding its certificate)
     */
    static Future<Server> createServer(EventLoop loop,
            Supplier<? extends Protocol> protocolFactory, String host, int port,
            ServerOptions options, TlsOptions tls) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(tls, "tls").checkServer();
        return Endpoints.createServer(loop, () -> SslLayer.server(loop, tls,
                protocolFactory.get()), host, port, options);
    }

    /** {@link Endpoints#startTls}: the upgrade itself is {@link TlsUpgrade}'s. */
    static Future<TlsTransport> startTls(EventLoop loop, Transport transport,
            Protocol protocol, TlsOptions tls, boolean serverSide) {
        return TlsUpgrade.start(loop, transport, protocol, tls, serverSide, null);
    }
}
