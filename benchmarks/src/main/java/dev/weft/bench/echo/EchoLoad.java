package dev.weft.bench.echo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The suite's one closed-loop load generator: N connections, each on its own platform thread,
 * sends a message of a fixed size, reads the whole echo back, checks its length, and sends the
 * next, so every server sees the same demand and the request rate is what the server (and the
 * shared cores) allow. TLS connections pin {@link EchoCerts#PROTOCOL} and
 * {@link EchoCerts#CIPHER} and handshake before {@link #start} returns.
 *
 * <p>Threading: {@link #start}, {@link #completed} and {@link #close} may be called from any
 * thread; the worker threads are daemons and end on {@link #close}. A connection that fails
 * before {@code close} counts in {@link #failures()}.
 */
final class EchoLoad implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();
    /** The TCP sockets under {@link #sockets}: closed directly, so no TLS close_notify waits on a lock. */
    private final List<Socket> tcp = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean closing;

    private EchoLoad() {
    }

    /**
     * Connects {@code connections} clients to 127.0.0.1:{@code port} and starts their loops.
     *
     * @param tls the client context for a TLS server, null for plaintext
     */
    static EchoLoad start(int port, int connections, int size, SSLContext tls) throws IOException {
        EchoLoad load = new EchoLoad();
        try {
            for (int i = 0; i < connections; i++) {
                Socket plain = new Socket();
                load.tcp.add(plain);
                load.sockets.add(connect(plain, port, tls));
            }
        } catch (IOException e) {
            load.close();
            throw e;
        }
        byte[] message = new byte[size];
        Arrays.fill(message, (byte) 'x');
        for (Socket s : load.sockets) {
            Thread t = new Thread(() -> load.loop(s, message), "echo-client");
            t.setDaemon(true);
            load.workers.add(t);
            t.start();
        }
        return load;
    }

    private static Socket connect(Socket plain, int port, SSLContext tls) throws IOException {
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(WeftEchoServers.HOST, port), 10_000);
        if (tls == null) {
            return plain;
        }
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
        s.setEnabledProtocols(new String[] {EchoCerts.PROTOCOL});
        s.setEnabledCipherSuites(new String[] {EchoCerts.CIPHER});
        s.startHandshake();
        return s;
    }

    private void loop(Socket socket, byte[] message) {
        byte[] reply = new byte[message.length];
        try {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            while (!closing) {
                out.write(message);
                out.flush();
                if (in.readNBytes(reply, 0, reply.length) != reply.length) {
                    throw new EOFException("the server closed the connection mid-echo");
                }
                completed.increment();
            }
        } catch (IOException e) {
            if (!closing) {
                failures.increment();
            }
        }
    }

    /** The requests answered so far, over every connection. */
    long completed() {
        return completed.sum();
    }

    /** The connections that failed while the load ran. */
    long failures() {
        return failures.sum();
    }

    /** Stops the clients and closes their sockets; waits for the workers (a few seconds at most). */
    @Override
    public void close() {
        closing = true;
        for (Socket s : tcp) {
            try {
                s.close();
            } catch (IOException e) {
                // already reset
            }
        }
        for (Thread t : workers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
