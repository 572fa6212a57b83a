package dev.weft.bench;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does handing a message from one coroutine to another and back cost? Two tasks
 * play ping-pong through single-use futures; one operation is one message (half a round trip),
 * which includes a future allocation. The virtual-thread peers (park/unpark,
 * {@code SynchronousQueue}) are in {@code PingPongPeerBench} (JDK 21+).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PingPongBench {
    static final int ROUNDS = 500;

    /** The two mailboxes; each holds the future its reader awaits next. */
    static final class Table {
        Future<Integer> toPing;
        Future<Integer> toPong;
    }

    @Async
    static Coroutine<Integer> ping(Table t, EventLoop loop) {
        int ball = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Future<Integer> reply = loop.createFuture();
            t.toPing = reply;
            t.toPong.setResult(ball);
            ball = Weft.await(reply);
        }
        return Weft.done(ball);
    }

    @Async
    static Coroutine<Integer> pong(Table t, EventLoop loop) {
        int ball = 0;
        for (int i = 0; i < ROUNDS; i++) {
            ball = Weft.await(t.toPong);
            t.toPong = loop.createFuture();
            t.toPing.setResult((ball + 1) & 63);
        }
        return Weft.done(ball);
    }

    @Async
    static Coroutine<Integer> match(EventLoop loop) {
        Table t = new Table();
        t.toPong = loop.createFuture();
        Task<Integer> receiver = Weft.createTask(pong(t, loop));
        int last = Weft.await(ping(t, loop));
        return Weft.done(last + Weft.await(receiver));
    }

    /** weft: two tasks exchanging {@code 2 * ROUNDS} messages through futures. */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public int weftFuturePingPong(LoopState s) {
        return s.loop.runUntilComplete(match(s.loop));
    }
}
