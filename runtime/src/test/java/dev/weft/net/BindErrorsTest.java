package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Bind failures explained by their reason: in use, not this host's address, privileged. */
class BindErrorsTest {
    private static final InetSocketAddress NOT_HERE = new InetSocketAddress("192.0.2.1", 80);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 80);

    @Test
    void explain_addressNotAvailable_namesTheAddressAndSaysAnotherPortWouldNotHelp() {
        BindException cause = new BindException("Cannot assign requested address");

        Exception e = BindErrors.explain(cause, NOT_HERE);

        assertInstanceOf(BindException.class, e);
        assertSame(cause, e.getCause());
        assertEquals("error while attempting to bind on address /192.0.2.1:80: Cannot assign requested "
                + "address (this host has no network interface with the address 192.0.2.1: bind one of "
                + "its own addresses, such as 127.0.0.1, or null for all interfaces; another port would "
                + "not help)", e.getMessage());
    }

    @Test
    void explain_unknownTextButForeignAddress_stillRecognisedByTheHostsInterfaces() {
        Exception e = BindErrors.explain(new BindException("localised text"), NOT_HERE);

        assertTrue(e.getMessage().contains("this host has no network interface"), e.getMessage());
    }

    @Test
    void explain_inUseOrPrivileged_givesTheMatchingAdvice() {
        Exception inUse = BindErrors.explain(new BindException("Address already in use"), LOOPBACK);
        Exception denied = BindErrors.explain(new BindException("Permission denied"), LOOPBACK);

        assertTrue(inUse.getMessage().endsWith("(choose another port, or stop the process that holds it)"),
                inUse.getMessage());
        assertTrue(denied.getMessage().endsWith("(ports below 1024 need privileges: choose a port from 1024 up)"),
                denied.getMessage());
    }

    @Test
    void explain_unixSocketPathInUse_talksOfThePathNotAPort() {
        Exception e = BindErrors.explain(new BindException("Address already in use"),
                java.nio.file.Path.of("/tmp/x.sock"));

        assertTrue(e.getMessage().endsWith("(a Unix socket path: choose another path, or stop the process "
                + "serving it)"), e.getMessage());
    }

    @Test
    void explain_otherFailures_ioExceptionNamesTheAddressOthersUnchanged() {
        IllegalArgumentException notIo = new IllegalArgumentException("bad");

        Exception io = BindErrors.explain(new IOException("strange"), LOOPBACK);

        assertEquals(IOException.class, io.getClass());
        assertEquals("error while attempting to bind on address /127.0.0.1:80: strange", io.getMessage());
        assertSame(notIo, BindErrors.explain(notIo, LOOPBACK));
    }
}
