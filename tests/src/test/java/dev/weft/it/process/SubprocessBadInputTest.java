package dev.weft.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input: each mistake is a documented exception that names the program or the stream, never
 * a {@code NullPointerException} or a hang, and the loop goes on to run a good child after it.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessBadInputTest {

    @BeforeEach
    void posix() {
        PosixTools.assume();
    }

    /** Proves the loop still works after a failure: a good child runs to its exit. */
    @Async
    static Coroutine<Integer> goodChild() {
        Subprocess p = Weft.await(Subprocess.exec(List.of("true")));
        return Weft.done(Weft.await(p.waitFor()));
    }

    @Async
    static Coroutine<List<Object>> startFails(List<String> command, SubprocessOptions options) {
        List<Object> log = new ArrayList<>();
        try {
            Weft.await(Subprocess.exec(command, options));
            log.add("started");
        } catch (Exception e) { // the IOException, rethrown unchanged at the await
            log.add(e);
        }
        log.add(Weft.await(goodChild()));
        return Weft.done(log);
    }

    @Test
    void exec_programDoesNotExist_failsWithIOExceptionNamingIt_loopRunsOn() {
        List<Object> log = Weft.run(startFails(List.of("weft-no-such-program", "x"),
                SubprocessOptions.defaults().stdout(Stdio.PIPE)));

        IOException e = (IOException) log.get(0);
        assertTrue(e.getMessage().contains("weft-no-such-program"), e.getMessage());
        assertEquals(0, log.get(1));
    }

    @Test
    void exec_missingWorkingDirectory_failsWithNoSuchFileNamingItAndTheProgram() {
        List<Object> log = Weft.run(startFails(List.of("ls"),
                SubprocessOptions.defaults().cwd(Path.of("/weft/no/such/dir"))));

        NoSuchFileException e = (NoSuchFileException) log.get(0);
        assertEquals("/weft/no/such/dir", e.getFile());
        assertTrue(e.getMessage().contains("working directory for 'ls'"), e.getMessage());
        assertEquals(0, log.get(1));
    }

    @Test
    void exec_stdinFileMissing_failsWithIOException() {
        List<Object> log = Weft.run(startFails(List.of("cat"),
                SubprocessOptions.defaults().stdin(Stdio.file(Path.of("/weft/no/such/file")))));

        IOException e = (IOException) log.get(0);
        assertTrue(e.getMessage().contains("/weft/no/such/file"), e.getMessage());
    }

    @Async
    static Coroutine<List<String>> synchronousMistakes() {
        List<String> log = new ArrayList<>();
        log.add(assertThrows(IllegalArgumentException.class,
                () -> Subprocess.exec(List.of())).getMessage());
        log.add(assertThrows(NullPointerException.class,
                () -> Subprocess.exec(Arrays.asList("ls", null))).getClass().getSimpleName());
        Subprocess p = Weft.await(Subprocess.exec(List.of("cat"),
                SubprocessOptions.defaults().stdin(Stdio.PIPE)));
        log.add(assertThrows(IllegalStateException.class, p::stdout).getMessage());
        log.add(assertThrows(IllegalStateException.class, p::stderr).getMessage());
        p.stdin().close();
        log.add(assertThrows(IllegalStateException.class,
                () -> p.stdin().write(new byte[] {1})).getMessage());
        log.add("exit " + Weft.await(p.waitFor()));
        Subprocess q = Weft.await(Subprocess.shell("true", SubprocessOptions.defaults()
                .stdout(Stdio.PIPE).stderr(Stdio.STDOUT)));
        log.add(assertThrows(IllegalStateException.class, q::stderr).getMessage());
        log.add(assertThrows(IllegalStateException.class, q::stdin).getMessage());
        log.add(assertThrows(IllegalStateException.class,
                () -> q.communicate(new byte[] {1})).getMessage());
        log.add("exit " + Weft.await(q.waitFor()));
        log.add("good " + Weft.await(goodChild()));
        return Weft.done(log);
    }

    @Test
    void mistakes_emptyCommandNotPipedStreamsClosedStdin_failWithMessagesNamingThem() {
        List<String> log = Weft.run(synchronousMistakes());

        assertTrue(log.get(0).contains("command list is empty"), log.get(0));
        assertEquals("NullPointerException", log.get(1));
        assertTrue(log.get(2).matches("stdout of 'cat' \\(pid \\d+\\) was not piped: .*"
                + "stdout\\(Stdio.PIPE\\).*"), log.get(2));
        assertTrue(log.get(3).startsWith("stderr of 'cat' (pid "), log.get(3));
        assertTrue(log.get(4).startsWith("cannot write to stdin of 'cat' (pid "), log.get(4));
        assertTrue(log.get(4).contains("it was closed"), log.get(4));
        assertEquals("exit 0", log.get(5));
        assertTrue(log.get(6).contains("stderr of 'true' (pid ") && log.get(6).contains(
                "merged into stdout"), log.get(6));
        assertTrue(log.get(7).startsWith("stdin of 'true' (pid "), log.get(7));
        assertTrue(log.get(8).contains("stdin of 'true'"), log.get(8));
        assertEquals(List.of("exit 0", "good 0"), log.subList(9, 11));
    }

    @Test
    void calls_withoutARunningLoop_failWithIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Subprocess.exec(List.of("true")));
        assertTrue(e.getMessage().contains("no running event loop"), e.getMessage());
    }

    @Test
    void options_misplacedStdio_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SubprocessOptions.defaults().stdin(Stdio.STDOUT));
        assertThrows(IllegalArgumentException.class,
                () -> SubprocessOptions.defaults().stdout(Stdio.STDOUT));
        assertThrows(IllegalArgumentException.class,
                () -> SubprocessOptions.defaults().limit(0));
    }

    @Async
    static Coroutine<String> writeAfterExit() {
        Subprocess p = Weft.await(Subprocess.exec(List.of("true"),
                SubprocessOptions.defaults().stdin(Stdio.PIPE)));
        Weft.await(p.waitFor());
        p.stdin().write(new byte[] {1}); // dropped, as in asyncio
        try {
            Weft.await(p.stdin().drain());
            return Weft.done("drained");
        } catch (Exception e) {
            return Weft.done(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Test
    void write_afterTheChildExited_isDroppedAndDrainFailsNamingStdin() {
        String r = Weft.run(writeAfterExit());

        assertTrue(r.startsWith("IOException: Broken pipe: cannot write to stdin of 'true' (pid "), r);
    }

    @Async
    static Coroutine<String> badSignal() {
        Subprocess p = Weft.await(Subprocess.exec(List.of("sleep", "30")));
        String msg = assertThrows(IllegalArgumentException.class, () -> p.sendSignal(99)).getMessage();
        p.kill();
        return Weft.done(msg + " / " + Weft.await(p.waitFor()));
    }

    @Test
    void sendSignal_noSuchSignal_isRejectedAndTheChildCanStillBeKilled() {
        String r = Weft.run(badSignal());

        assertTrue(r.startsWith("no signal 99 (for 'sleep 30' (pid "), r);
        assertTrue(r.endsWith(" / -9"), r);
    }
}
