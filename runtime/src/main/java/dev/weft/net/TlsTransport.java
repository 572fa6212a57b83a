package dev.weft.net;

import javax.net.ssl.SSLSession;

/**
 * A {@link Transport} that speaks TLS: what a protocol or stream gets on a connection made with
 * {@link TlsOptions} (asyncio's {@code _SSLProtocolTransport}). Its {@code write}s are encrypted
 * and its protocol receives decrypted data; flow control and write-buffer limits are those of
 * the socket underneath (the buffer size counts encrypted bytes, plus plaintext written before
 * the handshake finished).
 *
 * <p>Differences from a plain socket transport: {@link #close()} sends the TLS
 * {@code close_notify} and waits (at most the options' shutdown timeout) for the peer's before
 * closing the socket; {@link #writeEof()} is not supported, as in asyncio, because TLS has no
 * half-close ({@link #canWriteEof()} is false); a {@code close_notify} from the peer reaches the
 * protocol as {@code eofReceived}, after which the transport closes itself whatever the protocol
 * returns.
 *
 * <p>Threading: loop thread only, as for every transport. Null policy: as {@link Transport}.
 */
public interface TlsTransport extends Transport {

    /** The ALPN protocol negotiated in the handshake, or null if none was. */
    String applicationProtocol();

    /** The TLS session: protocol version, cipher suite, peer certificates. */
    SSLSession session();

    /**
     * Always throws: TLS cannot half-close a connection (asyncio's {@code write_eof} raises
     * {@code NotImplementedError} on SSL transports). Use {@link #close()}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    void writeEof();

    /** False: see {@link #writeEof()}. */
    @Override
    boolean canWriteEof();
}
