package dev.weft.bench.echo;

import javax.net.ssl.SSLContext;

/**
 * The servers of the echo suite, each started in its own JVM by {@link EchoServerMain} under
 * its {@link #id()}.
 *
 * <p>Immutable; safe on any thread.
 */
public enum EchoKind {
    WEFT_STREAMS("weft-streams", false, "weft streams (read + write + drain)"),
    WEFT_PROTOCOL("weft-protocol", false, "weft `Protocol`"),
    WEFT_BUFFERED("weft-buffered", false, "weft `BufferedProtocol`"),
    NETTY("netty", false, "Netty 4.2, one NIO loop"),
    BARE_NIO("bare-nio", false, "bare NIO `select(Consumer)` loop"),
    WEFT_TLS_STREAMS("weft-tls-streams", true, "weft TLS streams"),
    NETTY_TLS("netty-tls", true, "Netty 4.2 `SslHandler`, one NIO loop"),
    WEFT_GROUP_1("weft-group-1", false, "weft `LoopGroup`, 1 loop (streams)"),
    WEFT_GROUP_2("weft-group-2", false, "weft `LoopGroup`, 2 loops (streams)");

    private final String id;
    private final boolean tls;
    private final String label;

    EchoKind(String id, boolean tls, String label) {
        this.id = id;
        this.tls = tls;
        this.label = label;
    }

    /** The name on the server JVM's command line and in the report's tables. */
    public String id() {
        return id;
    }

    /** Whether clients speak TLS to this server. */
    public boolean tls() {
        return tls;
    }

    /** A short human description, markdown. */
    public String label() {
        return label;
    }

    /** The kind named {@code id}. */
    public static EchoKind byId(String id) {
        for (EchoKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no echo server named '" + id + "'");
    }

    /**
     * Starts this server on 127.0.0.1 and an ephemeral port.
     *
     * @param tls the server context for a TLS kind, null otherwise
     */
    EchoServer start(SSLContext tls) throws Exception {
        switch (this) {
            case WEFT_STREAMS:
                return WeftEchoServers.streams();
            case WEFT_PROTOCOL:
                return WeftEchoServers.protocol();
            case WEFT_BUFFERED:
                return WeftEchoServers.buffered();
            case WEFT_TLS_STREAMS:
                return WeftEchoServers.tlsStreams(tls);
            case WEFT_GROUP_1:
                return WeftGroupEcho.start(1);
            case WEFT_GROUP_2:
                return WeftGroupEcho.start(2);
            case NETTY:
                return NettyEcho.start(null);
            case NETTY_TLS:
                return NettyEcho.start(tls);
            case BARE_NIO:
                return BareNioEcho.start();
            default:
                throw new AssertionError(this);
        }
    }
}
