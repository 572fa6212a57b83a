package dev.weft.examples.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.GroupServer;
import dev.weft.net.LoopGroup;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's {@link LoopGroup} server: one echo handler, served on one port by a loop per
 * core, with clients on a loop of their own (the main thread's).
 */
public final class GroupEcho {
    private GroupEcho() {
    }

    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) {
        byte[] line = Weft.await(reader.readLine());
        writer.write(line);
        Weft.await(writer.drain());
        return Weft.done();
    }

    /** Runs the server and four clients; takes no arguments. */
    public static void main(String[] args) {
        try (LoopGroup group = LoopGroup.create()) {              // a loop per available processor
            GroupServer server = group.startServer(GroupEcho::echo, "127.0.0.1", 0).join();
            Weft.run(clients(server.port(), 4)).forEach(System.out::println);
            group.shutdown(Duration.ofSeconds(5));                // stop accepting, let handlers end, close
        }
    }

    @Async
    static Coroutine<List<String>> clients(int port, int n) {
        List<Task<String>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(Weft.createTask(call(port, "hello " + i)));
        }
        return Weft.done(Weft.await(Weft.gather(calls)));
    }

    @Async
    static Coroutine<String> call(int port, String text) {
        Connection c = Weft.await(Streams.openConnection("127.0.0.1", port));
        c.writer().write((text + "\n").getBytes(UTF_8));
        String echoed = new String(Weft.await(c.reader().readLine()), UTF_8).strip();
        c.writer().close();
        Weft.await(c.writer().waitClosed());
        return Weft.done(echoed);
    }
}
