package dev.weft.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * What a failed bind means, in words that say what to do: the exception {@link Endpoints} hands
 * to the caller when a server or UDP endpoint cannot bind its address.
 *
 * <p>The kernel gives one of a few reasons, and each calls for something else: the address is
 * in use ({@code EADDRINUSE}: another port, or stop the other process), the host has no such
 * address ({@code EADDRNOTAVAIL}, say {@code 192.0.2.1} on a machine without it: another
 * address — choosing another port would not help), or the port needs privileges
 * ({@code EACCES}: a port from 1024 up). Java reports all three as a {@link BindException}, and
 * its message is the C library's {@code strerror} text, so the host's addresses are checked as
 * well ({@link NetworkInterface#getByInetAddress}) rather than trusting that text alone. The
 * result is a new exception of the same kind whose message names the address, the reason and the
 * fix, with the original as its cause, as asyncio's "error while attempting to bind on address".
 *
 * <p>Stateless; any thread (called on the loop thread, on the error path only).
 */
final class BindErrors {
    private BindErrors() {
    }

    /** {@code e}, a failure to bind {@code address}, explained; non-I/O errors unchanged. */
    static Exception explain(Exception e, Object address) {
        if (!(e instanceof IOException)) {
            return e;
        }
        String msg = "error while attempting to bind on address " + address + ": "
                + e.getMessage();
        if (!(e instanceof BindException)) {
            return withCause(new IOException(msg), e);
        }
        InetAddress ip = address instanceof InetSocketAddress
                ? ((InetSocketAddress) address).getAddress() : null;
        String hint;
        if (!(address instanceof InetSocketAddress)) {
            hint = " (a Unix socket path: choose another path, or stop the process serving it)";
        } else if (ip != null && notOnThisHost(e, ip)) {
            hint = " (this host has no network interface with the address "
                    + ip.getHostAddress() + ": bind one of its own addresses, such as 127.0.0.1, "
                    + "or null for all interfaces; another port would not help)";
        } else if (String.valueOf(e.getMessage()).contains("ermission denied")) {
            hint = " (ports below 1024 need privileges: choose a port from 1024 up)";
        } else {
            hint = " (choose another port, or stop the process that holds it)";
        }
        return withCause(new BindException(msg + hint), e);
    }

    /** Whether the bind failed because the host has no interface with {@code ip}. */
    private static boolean notOnThisHost(Exception e, InetAddress ip) {
        if (String.valueOf(e.getMessage()).contains("Cannot assign requested address")) {
            return true; // EADDRNOTAVAIL's strerror text on Linux and macOS
        }
        if (ip.isAnyLocalAddress() || ip.isLoopbackAddress() || ip.isMulticastAddress()) {
            return false;
        }
        try {
            return NetworkInterface.getByInetAddress(ip) == null;
        } catch (SocketException lookupFailed) {
            return false; // cannot tell: fall back to the usual advice
        }
    }

    private static Exception withCause(IOException wrapped, Exception cause) {
        wrapped.initCause(cause);
        return wrapped;
    }
}
