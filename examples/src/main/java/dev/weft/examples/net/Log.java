package dev.weft.examples.net;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The one-line logger of the network examples: prints {@code name: message}, the format the
 * seed programs give Python's {@code logging} ({@code '%(name)s: %(message)s'}), so the Java and
 * Python logs can be compared line by line.
 *
 * <p>The seeds log to standard error; the examples print to the stream they are given
 * (standard output from {@code main}), so a test can capture a server's and a client's log apart
 * in one JVM. Thread-safe as its {@link PrintStream} is.
 */
final class Log {
    private final PrintStream out;
    private final String name;

    Log(PrintStream out, String name) {
        this.out = out;
        this.name = name;
    }

    /** Prints {@code name: message}. */
    void debug(String message) {
        out.println(name + ": " + message);
    }

    /** Python's {@code '{}_{}'.format(*peername)} for an IP peer: {@code 127.0.0.1_54321}. */
    static String peer(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) address;
            return a.getAddress().getHostAddress() + "_" + a.getPort();
        }
        return String.valueOf(address);
    }

    /** Python's {@code '{} port {}'.format(*peername)}: {@code 127.0.0.1 port 10000}. */
    static String hostPort(SocketAddress address) {
        InetSocketAddress a = (InetSocketAddress) address;
        return a.getAddress().getHostAddress() + " port " + a.getPort();
    }

    /**
     * Python's {@code repr()} of a {@code bytes} value: {@code b'...'}, double-quoted when the
     * bytes hold a single quote and no double quote; backslash, the quote, tab, newline and
     * carriage return escaped, other bytes outside printable ASCII as {@code \xNN}.
     */
    static String repr(byte[] data) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : data) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder s = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte b : data) {
            int c = b & 0xff;
            if (c == '\\' || c == quote) {
                s.append('\\').append((char) c);
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                s.append(String.format("\\x%02x", c));
            } else {
                s.append((char) c);
            }
        }
        return s.append(quote).toString();
    }
}
