package dev.weft.it.group;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A blocking loopback client for the LoopGroup tests: each read waits at most
 * {@value #PATIENCE_MILLIS} ms, so a server that never answers fails the test instead of hanging it.
 */
final class GroupClients implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PATIENCE_MILLIS = 10_000;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    GroupClients(int port) throws IOException {
        socket = new Socket(HOST, port);
        socket.setSoTimeout(PATIENCE_MILLIS);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    /** Sends {@code line} and a newline. */
    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The next line, "EOF" at end of stream, "reset" if the peer aborted, "silent" on timeout. */
    String next() throws IOException {
        try {
            String line = in.readLine();
            return line == null ? "EOF" : line;
        } catch (SocketTimeoutException e) {
            return "silent";
        } catch (SocketException e) {
            return "reset";
        }
    }

    /** One request/response: connects, sends {@code line}, returns the first line back. */
    static String ask(int port, String line) throws IOException {
        try (GroupClients c = new GroupClients(port)) {
            c.send(line);
            return c.next();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
