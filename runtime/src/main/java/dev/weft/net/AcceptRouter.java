package dev.weft.net;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Predicate;

/**
 * The round-robin hand-off of a {@link AcceptMode#SINGLE_ACCEPTOR} group server: the acceptor's
 * {@link Server} offers it each connection; every n-th one stays on the acceptor's loop, the
 * others go to the listener-less {@link Server} of the loop whose turn it is.
 *
 * <p>Threading: {@link #test} runs on the acceptor's loop thread; the connection is set up on
 * the target loop's thread, posted there with {@code callSoonThreadsafe}, the only way into
 * another loop. A connection whose target has stopped serving (the group is shutting down) or
 * whose loop is closed is closed at once, so nothing leaks.
 */
final class AcceptRouter implements Predicate<SocketChannel> {
    /** The group's servers, one per loop; index 0 is the acceptor itself. */
    private final List<Server> servers;
    private int turn;

    AcceptRouter(List<Server> servers) {
        this.servers = servers;
    }

    @Override
    public boolean test(SocketChannel client) {
        int index = turn;
        turn = (turn + 1) % servers.size();
        if (index == 0) {
            return false; // the acceptor's own turn: it sets the connection up itself
        }
        Server target = servers.get(index);
        try {
            target.getLoop().callSoonThreadsafe(() -> {
                if (target.isServing()) {
                    target.accepted(client);
                } else {
                    closeQuietly(client);
                }
            });
        } catch (IllegalStateException loopClosed) {
            closeQuietly(client);
        }
        return true;
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // a connection refused during shutdown: nothing more to do for it
        }
    }
}
