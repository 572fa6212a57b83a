package dev.weft.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flow control across the pump threads: a reader past its limit stops its pump (so the child
 * blocks on the full pipe), and a stdin nobody reads makes {@code drain()} wait. The checks are
 * invariants and states that hold however fast the machine is.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessBackPressureTest {
    private static final int MIB = 1 << 20;

    @BeforeEach
    void posix() {
        PosixTools.assume();
    }

    @Async
    static Coroutine<List<Object>> unreadOutput() {
        int limit = 1024;
        Subprocess p = Weft.await(Subprocess.shell("head -c " + MIB + " /dev/zero",
                SubprocessOptions.defaults().stdout(Stdio.PIPE).limit(limit)));
        int peak = 0;
        for (int i = 0; i < 20; i++) {
            Weft.await(Weft.sleep(10));
            peak = Math.max(peak, p.stdout().bufferedSize());
        }
        List<Object> log = new ArrayList<>();
        // Paused past twice the limit, it takes at most one more chunk (64 KiB at most).
        log.add("bounded " + (peak <= 2 * limit + 64 * 1024));
        log.add("child blocked " + (p.returnCode() == null)); // 1 MiB does not fit anywhere
        byte[] all = Weft.await(p.stdout().read());
        log.add(all.length);
        log.add(Weft.await(p.waitFor()));
        return Weft.done(log);
    }

    @Test
    void reader_pastItsLimit_pausesItsPump_andTheChildWaitsUntilItIsRead() {
        assertEquals(List.of("bounded true", "child blocked true", MIB, 0),
                Weft.run(unreadOutput()));
    }

    @Async
    static Coroutine<List<Object>> unreadInput() {
        Subprocess p = Weft.await(Subprocess.exec(List.of("sleep", "30"),
                SubprocessOptions.defaults().stdin(Stdio.PIPE)));
        p.stdin().write(new byte[MIB]);
        Future<Void> drained = p.stdin().drain();
        Weft.await(Weft.sleep(50));
        List<Object> log = new ArrayList<>();
        log.add("drain waits " + !drained.done());
        log.add("buffered above high water "
                + (p.stdin().transport().getWriteBufferSize() > 64 * 1024));
        p.kill();
        try {
            Weft.await(drained);
            log.add("drained");
        } catch (Exception e) {
            log.add(e.getMessage().startsWith("Broken pipe: cannot write to stdin of 'sleep 30'"));
        }
        log.add(Weft.await(p.waitFor()));
        return Weft.done(log);
    }

    @Test
    void stdin_childDoesNotRead_drainWaits_andFailsWithABrokenPipeWhenItDies() {
        assertEquals(List.of("drain waits true", "buffered above high water true", true, -9),
                Weft.run(unreadInput()));
    }
}
