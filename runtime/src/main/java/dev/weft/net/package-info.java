/**
 * Networking on the event loop: asyncio's transports and protocols, and its streams.
 *
 * <p>Low level: a {@link dev.weft.net.Protocol} receives the callbacks of one connection from a
 * {@link dev.weft.net.Transport} ({@link dev.weft.net.Endpoints}: {@code createConnection},
 * {@code createServer}, their Unix-socket variants), a {@link dev.weft.net.DatagramProtocol}
 * those of a UDP endpoint
 * ({@code Endpoints.createDatagramEndpoint}); a {@link dev.weft.net.Server} listens. Socket
 * options are given up front in {@link dev.weft.net.ServerOptions} and
 * {@link dev.weft.net.DatagramOptions}. High level:
 * {@link dev.weft.net.Streams} opens connections and starts servers whose halves are a
 * {@link dev.weft.net.StreamReader} and a {@link dev.weft.net.StreamWriter}, awaited from
 * {@code @Async} coroutines. TLS: {@link dev.weft.net.TlsOptions} on the same calls
 * ({@link dev.weft.net.Streams}, {@link dev.weft.net.Endpoints}) layers an
 * {@link javax.net.ssl.SSLEngine} over the socket transport (asyncio's {@code sslproto}); the
 * protocol then sees a {@link dev.weft.net.TlsTransport}; an open connection is upgraded with
 * {@link dev.weft.net.StreamWriter#startTls} or {@link dev.weft.net.TlsEndpoints#startTls}
 * (asyncio's {@code start_tls}, for STARTTLS protocols), and a {@link dev.weft.net.LoopGroup}
 * serves TLS from every loop.
 *
 * <p>A {@link dev.weft.net.LoopGroup} runs several loops, each on its own thread, and serves one
 * port from all of them ({@link dev.weft.net.GroupServer}); each connection lives on one loop,
 * and work crosses loops only through {@code callSoonThreadsafe} and
 * {@code Weft.runCoroutineThreadsafe}. It lives here, not in {@code dev.weft}, because it needs
 * the servers and the core must not depend on networking.
 *
 * <p>Everything runs on the loop thread, non-blocking: sockets are selector-driven, host names
 * are resolved on helper threads, and writes are buffered with high/low water marks. In steady
 * state a connection allocates only the byte arrays it hands to the application: reads and
 * writes go through the loop's one reusable direct buffer.
 *
 * <p>Depends on {@code java.base} (with {@code javax.net.ssl}), {@code dev.weft} and {@code dev.weft.internal} (through
 * {@link dev.weft.internal.LoopAccess} for the loop's selector and I/O buffer).
 */
package dev.weft.net;

/*
 * Role map: one line per file.
 *   Endpoints, TlsEndpoints   create_connection/create_server/create_datagram_endpoint (+ ssl=)
 *   Streams, Connection       open_connection/start_server and the reader/writer pair
 *   StreamReader, StreamWriter, StreamHandler   the stream halves and a server's handler
 *   StreamProtocol            the protocol between a transport and a reader/writer pair
 *   ReadOp, ReadWaiter, LineIterator   a stream read, its wait for data, the lines iterator
 *   ByteQueue                 a growable byte FIFO (reader buffer, write backlog)
 *   Protocol, BufferedProtocol, Transport   the stream protocol/transport contract
 *   SocketTransport, SocketOutput   the TCP/Unix transport and its outgoing byte path
 *   DatagramProtocol, DatagramTransport   the UDP endpoint contract
 *   DatagramSocketTransport   the UDP transport over a DatagramChannel
 *   Server, ServerOptions     a listening server (its Listener nested) and its socket options
 *   DatagramOptions           a UDP endpoint's socket options
 *   Connector, Resolver       one client connect attempt; host names resolved off the loop
 *   BindErrors, UnixSocketFiles   what a failed bind means; a Unix server's socket file
 *   TlsOptions, TlsTransport  how a connection speaks TLS; the transport a TLS protocol sees
 *   SslLayer, SslTransport    the SSLEngine between a socket transport and its protocol
 *   LoopGroup, GroupLoop      loops on their own threads; one of them
 *   GroupServer, GroupBinder, AcceptMode   a group's server, its setup, how it spreads connections
 *   GroupShutdown             the steps of LoopGroup.shutdown
 *   IncompleteReadError, LimitOverrunError   the stream exceptions
 */
