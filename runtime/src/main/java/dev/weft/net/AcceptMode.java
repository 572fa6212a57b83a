package dev.weft.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.Locale;

/**
 * How a {@link LoopGroup} server spreads the connections of its one port over the group's loops.
 *
 * <p>Thread-safe (an enum).
 */
public enum AcceptMode {
    /**
     * {@link #REUSE_PORT} on Linux when the JDK supports {@code SO_REUSEPORT} on a server socket,
     * {@link #SINGLE_ACCEPTOR} elsewhere. Other systems that have the option (macOS, the BSDs)
     * give every connection to one socket instead of balancing, so they get the acceptor.
     */
    AUTO,
    /**
     * Each loop has its own listening socket, all bound to the same port with
     * {@code SO_REUSEPORT}; the kernel picks a socket per connection by hashing its addresses and
     * ports, so no loop is a bottleneck but the spread is statistical, not round-robin. Binding
     * fails with {@link UnsupportedOperationException} where the platform lacks the option.
     * As with any {@code SO_REUSEPORT} socket, another process of the same user that binds the
     * port with the option too joins the set and gets a share of the connections instead of a
     * {@link java.net.BindException}.
     */
    REUSE_PORT,
    /**
     * One listening socket on the group's first loop; it hands each accepted connection to the
     * loops in turn (round-robin, itself included), through {@code callSoonThreadsafe}. Works
     * everywhere; the first loop does all the accepting.
     */
    SINGLE_ACCEPTOR;

    /** The mode {@link #AUTO} stands for on this platform; other modes are themselves. */
    AcceptMode resolve() {
        if (this != AUTO) {
            return this;
        }
        return Holder.REUSE_PORT_BALANCES ? REUSE_PORT : SINGLE_ACCEPTOR;
    }

    /** Probes the platform once, when {@link #AUTO} is first resolved. */
    private static final class Holder {
        static final boolean REUSE_PORT_BALANCES = probe();

        private static boolean probe() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return false;
            }
            try (ServerSocketChannel ch = ServerSocketChannel.open()) {
                return ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
