package dev.weft.examples.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import javax.net.ssl.SSLContext;

/**
 * The README's TLS echo server and client: the plaintext stream API with {@link TlsOptions}
 * added, on loopback, with a certificate made for the run ({@link SelfSignedCert}).
 */
public final class TlsEcho {
    private TlsEcho() {
    }

    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) {
        byte[] line = Weft.await(reader.readLine());
        writer.write(line);
        Weft.await(writer.drain());
        return Weft.done();             // the server closes the connection (close_notify) when the handler ends
    }

    @Async
    static Coroutine<String> roundTrip(SSLContext serverContext, SSLContext clientContext) {
        Server server = Weft.await(Streams.startServer(TlsEcho::echo, "127.0.0.1", 0,
                TlsOptions.of(serverContext)));
        Connection c = Weft.await(Streams.openConnection("127.0.0.1", server.port(),
                TlsOptions.of(clientContext)));         // the certificate must name 127.0.0.1
        c.writer().write("hello over TLS\n".getBytes(UTF_8));
        String echoed = new String(Weft.await(c.reader().readLine()), UTF_8);
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(echoed);
    }

    /** Runs the round trip; takes no arguments. */
    public static void main(String[] args) throws Exception {
        SelfSignedCert cert = SelfSignedCert.get();
        System.out.print(Weft.run(roundTrip(cert.serverContext(), cert.clientContext())));
    }
}
