package dev.weft.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The steps of {@link LoopGroup#shutdown(Duration)}: stop accepting, give the open connections
 * the grace period, then cancel what is left, stop every loop and wait for its thread.
 *
 * <p>Threading: runs on the thread that called {@code shutdown}, never a loop of the group; it
 * reaches the loops only by posting to them.
 */
final class GroupShutdown {
    private final LoopGroup group;

    GroupShutdown(LoopGroup group) {
        this.group = group;
    }

    void run(Duration grace) {
        List<GroupServer> servers = group.groupServers();
        for (GroupServer s : servers) {
            s.close();
        }
        boolean interrupted = awaitDrained(servers, grace);
        List<GroupLoop> loops = group.groupLoops();
        for (int i = 0; i < loops.size(); i++) {
            int index = i;
            loops.get(i).finish(() -> serversOf(servers, index));
        }
        interrupted |= joinAll(loops);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code grace} for every server's connections to end; true if interrupted. */
    private static boolean awaitDrained(List<GroupServer> servers, Duration grace) {
        if (servers.isEmpty() || grace.isZero()) {
            return false;
        }
        List<CompletableFuture<Void>> each = new ArrayList<>(servers.size());
        for (GroupServer s : servers) {
            each.add(s.waitClosed());
        }
        try {
            CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                    .get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the grace period is over (or a loop died): what is left is cancelled next
        } catch (InterruptedException e) {
            return true;
        }
        return false;
    }

    /** The per-loop servers of loop {@code index}, read on that loop when it finishes. */
    private static List<Server> serversOf(List<GroupServer> servers, int index) {
        List<Server> out = new ArrayList<>(servers.size());
        for (GroupServer s : servers) {
            out.add(s.servers().get(index));
        }
        return out;
    }

    /** Waits for every loop's thread to end; true if interrupted (the wait goes on regardless). */
    static boolean joinAll(List<GroupLoop> loops) {
        boolean interrupted = false;
        for (GroupLoop loop : loops) {
            while (true) {
                try {
                    loop.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
