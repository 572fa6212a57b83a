package dev.weft.net;

import dev.weft.Future;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * The writing half of a stream connection: asyncio's {@code StreamWriter}.
 *
 * <p>{@link #write} never blocks: it hands the bytes to the transport, which buffers what the
 * socket does not take at once. {@link #drain()} is the back-pressure point: await it after
 * writing, and it waits while the transport's buffer is above its high-water mark (64 KiB by
 * default), so a peer that stops reading stops the writer instead of growing its buffer.
 *
 * <p>Errors: {@code drain()} fails with the reader's exception if the connection failed
 * (for example an {@link java.io.IOException} "Connection reset"), and with
 * {@link java.net.SocketException} "Connection lost" when called after the connection is gone.
 * A write after {@link #close()} or {@link #writeEof()} fails with
 * {@link IllegalStateException}; a write after the peer went away does not throw — it is
 * dropped, or it is the write that finds the socket broken — and the next {@code drain()}
 * reports it. (A drain called while the connection is closing settles on the next loop
 * iteration, once the transport has reported the loss, as asyncio's does.)
 *
 * <p>Threading: confined to its loop's thread. Null policy: null data is rejected with
 * {@link NullPointerException}.
 */
public final class StreamWriter {
    /** Not final: {@link #startTls} replaces it with the TLS transport. */
    private Transport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;

    StreamWriter(Transport transport, StreamProtocol protocol, StreamReader reader) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    /** Writes {@code data}; see the class comment. */
    public void write(byte[] data) {
        transport.write(Objects.requireNonNull(data, "data"));
    }

    /** Writes {@code len} bytes of {@code data} from {@code off}. */
    public void write(byte[] data, int off, int len) {
        transport.write(Objects.requireNonNull(data, "data"), off, len);
    }

    /** Writes each array of {@code lines} in order; no separators are added. */
    public void writeLines(Iterable<byte[]> lines) {
        transport.writeLines(Objects.requireNonNull(lines, "lines"));
    }

    /**
     * A future that completes when the write buffer is at or below its low-water mark — at once
     * (the same completed future every time, so draining allocates nothing) when it is not above
     * the high-water mark and the connection is not closing. Several coroutines may wait at once; cancelling one does not affect
     * the others. Fails as described in the class comment.
     */
    public Future<Void> drain() {
        return protocol.drain();
    }

    /**
     * Upgrades the connection to TLS (asyncio 3.11's {@code StreamWriter.start_tls(sslcontext,
     * server_hostname=..., ssl_handshake_timeout=...)}): waits for {@link #drain()}, then runs
     * the handshake as the client, or as the server on a connection a server accepted (a
     * stream handler's writer). The returned future completes once the handshake is done; from
     * then on this writer and its reader speak TLS, and {@link #transport()} is a
     * {@link TlsTransport}. Bytes the reader had received before stay in its buffer and are read
     * first, as in asyncio: a STARTTLS protocol must have both sides upgrade right after the
     * command's answer. A connection that is TLS already is upgraded again (TLS in TLS).
     *
     * <p>A client normally needs {@link TlsOptions#withServerName} (asyncio's
     * {@code server_hostname}): the connection has no host name of its own to verify.
     *
     * <p>Errors, besides those of {@link Endpoints#startTls} (a handshake failure closes the
     * connection, and the reader's waiting and later reads fail with that error too): the
     * future fails with {@code drain()}'s error if the connection failed before the upgrade.
     * Cancelling it aborts the connection.
     *
     * @throws IllegalArgumentException as {@link Endpoints#startTls}: a transport that cannot
     *     be upgraded (a subprocess pipe), a server's options without a context, a client's
     *     without a server name while verifying host names
     * @throws IllegalStateException if another {@code startTls} on this writer has not finished
     */
    public Future<Void> startTls(TlsOptions tls) {
        return protocol.startTls(tls);
    }

    /** The TLS transport after a {@link #startTls}. */
    void replaceTransport(Transport t) {
        transport = t;
    }

    /** Whether {@link #writeEof()} is supported: true for sockets. */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Shuts down the sending side after the buffered data; the peer reads EOF. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the connection after flushing the buffered data; see {@link #waitClosed()}. */
    public void close() {
        transport.close();
    }

    /**
     * Hands a server connection over from its client handler to other code: the connection then
     * stays open when the handler's task ends, and whoever holds this writer now owns it and must
     * close it. Without this call a server closes the connection as soon as its handler task
     * ends, however it ends (see {@link StreamHandler}). Call it in the handler before handing
     * the reader or writer to another task or storing it for later (a chat server's list of
     * clients whose handler returns at once). Idempotent; on a client connection (one from
     * {@link Streams#openConnection}) it does nothing, since nobody closes those for you.
     *
     * @return this writer, for chaining
     */
    public StreamWriter handOff() {
        protocol.handOff();
        return this;
    }

    /** Whether the connection is closing or closed. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * A future completed when the connection is closed — with the connection's error, if it
     * ended with one.
     */
    public Future<Void> waitClosed() {
        return protocol.closedFuture();
    }

    /** The transport underneath, for what the writer does not offer (flow-control limits). */
    public Transport transport() {
        return transport;
    }

    /** The peer's address. */
    public SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    /** This end's address. */
    public SocketAddress localAddress() {
        return transport.localAddress();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + reader + ">";
    }
}
