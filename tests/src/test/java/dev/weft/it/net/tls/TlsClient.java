package dev.weft.it.net.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A blocking JDK {@link SSLSocket} client for tests that run on plain threads; every read waits
 * at most {@value #PATIENCE_MILLIS} ms. It reads an end with or without {@code close_notify}
 * alike (the JDK's default): {@link PyTlsClient} tells them apart.
 */
final class TlsClient implements AutoCloseable {
    static final int PATIENCE_MILLIS = 10_000;

    private final SSLSocket socket;
    private final BufferedReader in;
    private final OutputStream out;

    TlsClient(SSLContext trusting, int port) throws IOException {
        socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(PATIENCE_MILLIS);
        socket.startHandshake();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The next line; "EOF" at the end; "error: ..." if it fails; "silent" on timeout. */
    String next() throws IOException {
        try {
            String line = in.readLine();
            return line == null ? "EOF" : line;
        } catch (SocketTimeoutException e) {
            return "silent";
        } catch (IOException e) {
            return "error: " + e;
        }
    }

    /** Connects, sends {@code line}, returns the answer, and closes (sending close_notify). */
    static String ask(SSLContext trusting, int port, String line) throws IOException {
        try (TlsClient c = new TlsClient(trusting, port)) {
            c.send(line);
            return c.next();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
