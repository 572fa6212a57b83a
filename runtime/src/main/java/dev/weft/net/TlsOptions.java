package dev.weft.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * How a connection speaks TLS: asyncio's {@code ssl=} argument (an {@code SSLContext}) together
 * with {@code server_hostname} and {@code ssl_handshake_timeout}, for
 * {@link Streams#openConnection(String, int, TlsOptions)},
 * {@link Streams#startServer(StreamHandler, String, int, TlsOptions)}, the protocol forms in
 * {@link Endpoints}, the upgrades {@link StreamWriter#startTls} and
 * {@link Endpoints#startTls}, and a {@link LoopGroup}'s TLS servers.
 *
 * <p>What it carries: the {@link SSLContext} (its key managers hold a server's certificate, its
 * trust managers decide which peers are trusted); the server name a client sends as SNI and
 * checks the certificate against (default: the host it connects to); the ALPN protocols offered
 * by a client or accepted by a server, in preference order; whether a client verifies the host
 * name (on by default, as with asyncio's default context; never done by a server); and the
 * handshake timeout (60 s, asyncio's default) and the close timeout (30 s, asyncio's
 * {@code ssl_shutdown_timeout}).
 *
 * <p>A client without a context uses the JDK's default one ({@link SSLContext#getDefault()}),
 * which trusts the JDK's CA certificates. A server needs a context with its certificate: starting
 * a server with options that have none fails with {@link IllegalArgumentException}.
 *
 * <p>Immutable; each {@code with} method returns a changed copy. Thread-safe. Null policy: the
 * {@code with} methods reject null, except that {@link #withServerName} accepts null to mean
 * "the host connected to".
 */
public final class TlsOptions {
    private static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final TlsOptions DEFAULTS = new TlsOptions(null, null, List.of(), true,
            DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT);

    private final SSLContext context;
    private final String serverName;
    private final List<String> applicationProtocols;
    private final boolean verifyHostname;
    private final Duration handshakeTimeout;
    private final Duration shutdownTimeout;

    private TlsOptions(SSLContext context, String serverName, List<String> applicationProtocols,
            boolean verifyHostname, Duration handshakeTimeout, Duration shutdownTimeout) {
        this.context = context;
        this.serverName = serverName;
        this.applicationProtocols = applicationProtocols;
        this.verifyHostname = verifyHostname;
        this.handshakeTimeout = handshakeTimeout;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Client defaults: the JDK's default context, host name verification on, no ALPN. */
    public static TlsOptions client() {
        return DEFAULTS;
    }

    /** Options with {@code context} and the defaults otherwise. */
    public static TlsOptions of(SSLContext context) {
        return DEFAULTS.withContext(context);
    }

    /** With {@code context}: for a server it must hold the server's key and certificate. */
    public TlsOptions withContext(SSLContext context) {
        return new TlsOptions(Objects.requireNonNull(context, "context"), serverName,
                applicationProtocols, verifyHostname, handshakeTimeout, shutdownTimeout);
    }

    /**
     * With {@code name} as the server name a client sends (SNI) and verifies the certificate
     * against, instead of the host it connects to (asyncio's {@code server_hostname}); null
     * restores that default. Ignored by servers.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid DNS host name
     */
    public TlsOptions withServerName(String name) {
        if (name != null) {
            new SNIHostName(name); // validates: fails on names SNI cannot carry
        }
        return new TlsOptions(context, name, applicationProtocols, verifyHostname,
                handshakeTimeout, shutdownTimeout);
    }

    /**
     * With the ALPN protocols (for example {@code "h2", "http/1.1"}) in preference order: a
     * client offers them, a server picks the first of its own that the client offered. The
     * result is {@link TlsTransport#applicationProtocol()}.
     *
     * @throws IllegalArgumentException if a protocol name is empty
     */
    public TlsOptions withApplicationProtocols(String... protocols) {
        List<String> list = List.of(protocols); // rejects null elements
        for (String p : list) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("an ALPN protocol name must not be empty");
            }
        }
        return new TlsOptions(context, serverName, list, verifyHostname, handshakeTimeout,
                shutdownTimeout);
    }

    /**
     * With host name verification on or off for clients (on by default). Turning it off accepts
     * any trusted certificate whatever name it is for: only for tests or pinned certificates.
     */
    public TlsOptions withHostnameVerification(boolean on) {
        return new TlsOptions(context, serverName, applicationProtocols, on, handshakeTimeout,
                shutdownTimeout);
    }

    /**
     * With a handshake timeout: a handshake not finished by then aborts the connection with an
     * {@link javax.net.ssl.SSLHandshakeException} (a peer that connects and says nothing, or
     * stalls half way, holds a socket no longer than this).
     *
     * @throws IllegalArgumentException unless {@code timeout} is positive
     */
    public TlsOptions withHandshakeTimeout(Duration timeout) {
        return new TlsOptions(context, serverName, applicationProtocols, verifyHostname,
                positive(timeout, "handshake"), shutdownTimeout);
    }

    /**
     * With a close timeout: how long {@code close()} waits for the peer's {@code close_notify}
     * after sending its own before closing the socket anyway.
     *
     * @throws IllegalArgumentException unless {@code timeout} is positive
     */
    public TlsOptions withShutdownTimeout(Duration timeout) {
        return new TlsOptions(context, serverName, applicationProtocols, verifyHostname,
                handshakeTimeout, positive(timeout, "shutdown"));
    }

    private static Duration positive(Duration timeout, String which) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the TLS " + which + " timeout must be positive, "
                    + "got " + timeout);
        }
        return timeout;
    }

    /** The context, or null for a client's JDK default. */
    public SSLContext context() {
        return context;
    }

    /** The server name set with {@link #withServerName}, or null for the host connected to. */
    public String serverName() {
        return serverName;
    }

    /** The ALPN protocols, in preference order; empty when ALPN is not used. */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    /** Whether a client verifies the server's host name. */
    public boolean hostnameVerification() {
        return verifyHostname;
    }

    /** The handshake timeout. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The close timeout. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** A client engine for a connection to {@code host}:{@code port}. */
    SSLEngine clientEngine(String host, int port) throws java.security.GeneralSecurityException {
        String name = serverName != null ? serverName : host == null ? "localhost" : host;
        SSLContext ctx = context != null ? context : SSLContext.getDefault();
        SSLEngine engine = ctx.createSSLEngine(name, port);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        if (verifyHostname) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(name)) {
            params.setServerNames(List.of(new SNIHostName(name)));
        }
        applyAlpn(params);
        engine.setSSLParameters(params);
        return engine;
    }

    /** A server engine; the caller has checked that there is a context. */
    SSLEngine serverEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters params = engine.getSSLParameters();
        applyAlpn(params);
        engine.setSSLParameters(params);
        return engine;
    }

    private void applyAlpn(SSLParameters params) {
        if (!applicationProtocols.isEmpty()) {
            params.setApplicationProtocols(applicationProtocols.toArray(new String[0]));
        }
    }

    /** Checks that a server can be started with these options. */
    TlsOptions checkServer() {
        if (context == null) {
            throw new IllegalArgumentException("a TLS server needs an SSLContext holding its "
                    + "certificate and private key: pass TlsOptions.of(context), for example a "
                    + "context initialised with a KeyManagerFactory over the server's keystore");
        }
        return this;
    }

    private static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    @Override
    public String toString() {
        return "TlsOptions[context=" + (context == null ? "default" : context.getProtocol())
                + ", serverName=" + serverName + ", alpn=" + applicationProtocols
                + ", verifyHostname=" + verifyHostname + ", handshakeTimeout=" + handshakeTimeout
                + ", shutdownTimeout=" + shutdownTimeout + "]";
    }
}
