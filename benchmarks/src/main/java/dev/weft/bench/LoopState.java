package dev.weft.bench;

import dev.weft.EventLoop;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One event loop per benchmark thread and trial, shared by the benchmarks that run coroutines:
 * created before the trial, closed after it.
 */
@State(Scope.Thread)
public class LoopState {
    /** The loop the benchmark's coroutines run on. */
    public EventLoop loop;

    @Setup
    public void setUp() {
        loop = EventLoop.create();
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }
}
