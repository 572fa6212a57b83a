package dev.weft.bench.echo;

import dev.weft.EventLoop;
import dev.weft.net.GroupServer;
import dev.weft.net.LoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stream echo ({@link WeftEchoServers#echo}) served by a {@link LoopGroup} of N loops on one
 * port (SO_REUSEPORT on Linux, so the kernel spreads the connections by hash; with few
 * connections the loops may not get equal shares).
 *
 * <p>Started on the server JVM's main thread; the group's loop threads are measured.
 */
final class WeftGroupEcho {
    private WeftGroupEcho() {
    }

    static EchoServer start(int loops) throws Exception {
        LoopGroup group = LoopGroup.create(loops);
        GroupServer server = group.startServer(WeftEchoServers::echo, WeftEchoServers.HOST, 0)
                .get(30, TimeUnit.SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (EventLoop loop : group.loops()) {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            loop.callSoonThreadsafe(() -> thread.complete(Thread.currentThread()));
            threads.add(thread.get(30, TimeUnit.SECONDS));
        }
        List<Thread> loopThreads = List.copyOf(threads);
        return new EchoServer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public List<Thread> loopThreads() {
                return loopThreads;
            }

            @Override
            public void close() {
                group.close();
            }
        };
    }
}
