package dev.weft.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.StreamReader;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import dev.weft.sync.Semaphore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Volume and numbers: megabytes through all three pipes at once, hundreds of children at once,
 * and a thousand children in a row leaving no thread, descriptor or zombie behind.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessVolumeTest {
    private static final int TEN_MIB = 10 << 20;

    @BeforeEach
    void posix() {
        PosixTools.assume();
    }

    // ---- 10 MiB in, 10 MiB out, 10 MiB err, concurrently ---------------------------------

    @Async
    static Coroutine<Void> feed(Subprocess p, byte[] data) {
        for (int off = 0; off < data.length; off += 100_000) {
            p.stdin().write(data, off, Math.min(100_000, data.length - off));
            Weft.await(p.stdin().drain());
        }
        p.stdin().close();
        return Weft.done();
    }

    /** Reads to EOF in 64 KiB reads, so the reader's limit and pause are exercised. */
    @Async
    static Coroutine<byte[]> digest(StreamReader reader, long[] count) {
        MessageDigest md = sha256();
        while (true) {
            byte[] chunk = Weft.await(reader.read(65536));
            if (chunk.length == 0) {
                return Weft.done(md.digest());
            }
            count[0] += chunk.length;
            md.update(chunk);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Async
    static Coroutine<List<Object>> teeBothWays(byte[] data) {
        // tee copies stdin to stdout and to stderr (through /dev/stderr, the pipe).
        Subprocess p = Weft.await(Subprocess.shell("tee /dev/stderr", SubprocessOptions.defaults()
                .stdin(Stdio.PIPE).stdout(Stdio.PIPE).stderr(Stdio.PIPE)));
        long[] outCount = {0};
        long[] errCount = {0};
        Task<byte[]> out = Weft.createTask(digest(p.stdout(), outCount));
        Task<byte[]> err = Weft.createTask(digest(p.stderr(), errCount));
        Weft.await(feed(p, data));
        byte[] outHash = Weft.await(out);
        byte[] errHash = Weft.await(err);
        int code = Weft.await(p.waitFor());
        return Weft.done(List.of(code, outCount[0], errCount[0], outHash, errHash));
    }

    @Test
    void pipes_tenMebibytesInOutAndErrConcurrently_everyByteArrives() throws Exception {
        byte[] data = new byte[TEN_MIB];
        new Random(15).nextBytes(data);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(data);

        List<Object> r = Weft.run(teeBothWays(data));

        assertEquals(List.of(0, (long) TEN_MIB, (long) TEN_MIB), r.subList(0, 3));
        assertTrue(Arrays.equals(expected, (byte[]) r.get(3)), "stdout differs from the input");
        assertTrue(Arrays.equals(expected, (byte[]) r.get(4)), "stderr differs from the input");
    }

    @Async
    static Coroutine<byte[]> catEcho(byte[] data) {
        Subprocess p = Weft.await(Subprocess.exec(List.of("cat"), SubprocessOptions.defaults()
                .stdin(Stdio.PIPE).stdout(Stdio.PIPE)));
        return Weft.done(Weft.await(p.communicate(data)).stdout());
    }

    @Test
    void communicate_tenMebibytesThroughCat_comeBackUnchanged() {
        byte[] data = new byte[TEN_MIB];
        new Random(16).nextBytes(data);

        assertTrue(Arrays.equals(data, Weft.run(catEcho(data))), "cat's output differs");
    }

    // ---- many children -----------------------------------------------------------------------

    @Async
    static Coroutine<List<Integer>> manyTrue(int n) {
        List<Future<Subprocess>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(Subprocess.exec(List.of("true"), SubprocessOptions.defaults()
                    .stdout(Stdio.PIPE)));
        }
        List<Future<Integer>> exits = new ArrayList<>();
        for (Future<Subprocess> s : started) {
            exits.add(Weft.await(s).waitFor());
        }
        List<Integer> codes = Weft.await(Weft.gather(exits));
        return Weft.done(codes);
    }

    @Test
    void twoHundredConcurrentChildren_allExitZero() {
        List<Integer> codes = Weft.run(manyTrue(200));

        assertEquals(200, codes.size());
        assertTrue(codes.stream().allMatch(c -> c == 0), codes.toString());
    }

    @Async
    static Coroutine<Integer> one(Semaphore slots) {
        Weft.await(slots.acquire());
        try {
            Subprocess p = Weft.await(Subprocess.exec(List.of("true"), SubprocessOptions.defaults()
                    .stdin(Stdio.PIPE).stdout(Stdio.PIPE).stderr(Stdio.PIPE)));
            p.stdin().write(new byte[] {1}); // starts the stdin pump too
            return Weft.done(Weft.await(p.communicate(null)) != null ? p.returnCode() : -1);
        } finally {
            slots.release();
        }
    }

    @Async
    static Coroutine<Integer> thousand(int n) {
        Semaphore slots = new Semaphore(50);
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Weft.createTask(one(slots)));
        }
        int failed = 0;
        for (Task<Integer> t : tasks) {
            failed += Weft.await(t) == 0 ? 0 : 1;
        }
        return Weft.done(failed);
    }

    @Test
    void thousandChildren_leaveNoPumpThreadDescriptorOrZombie() throws Exception {
        long fdsBefore = openDescriptors();
        long childrenBefore = ProcessHandle.current().children().count();
        long threadsBefore = threadsButReapers();
        java.util.Set<String> namesBefore = threadNames();

        assertEquals(0, Weft.run(thousand(1000)), "children that did not exit 0");

        waitUntil(() -> pumpThreads() == 0, "pump threads still alive: " + pumpThreadNames());
        waitUntil(() -> threadsButReapers() <= threadsBefore, "threads grew from " + threadsBefore
                + " to " + threadsButReapers() + ": new " + newThreads(namesBefore));
        waitUntil(() -> ProcessHandle.current().children().count() <= childrenBefore,
                "children (zombies) left: " + ProcessHandle.current().children().count());
        if (PosixTools.hasProc()) {
            // A little slack: the JDK may open a jar or a class file meanwhile.
            waitUntil(() -> openDescriptors() <= fdsBefore + 5, "descriptors grew from "
                    + fdsBefore + " to " + openDescriptors());
        }
    }

    static long pumpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("weft-pipe-")).count();
    }

    /**
     * Live threads but the JDK's shared pools: its "process reaper" threads, which it keeps in a
     * cached pool for a minute after their child exits (any ProcessBuilder user has them), and
     * the common ForkJoinPool's workers, bounded by its parallelism, which run
     * {@code Process.onExit()}'s stage on JDK 25 (JDK 17 on two cores starts a short-lived thread
     * per stage instead).
     */
    static long threadsButReapers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("process reaper")
                        && !t.getName().startsWith("ForkJoinPool.commonPool-worker"))
                .count();
    }

    static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }

    static java.util.Set<String> newThreads(java.util.Set<String> before) {
        java.util.Set<String> now = threadNames();
        now.removeAll(before);
        return now;
    }

    static String pumpThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("weft-pipe-")).toList().toString();
    }

    static long openDescriptors() {
        if (!PosixTools.hasProc()) {
            return 0;
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} for up to ten seconds: threads end just after their last post. */
    static void waitUntil(java.util.function.BooleanSupplier condition, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            Thread.sleep(10);
        }
    }
}
