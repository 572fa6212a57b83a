package dev.weft.it.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Output;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Subprocesses through woven coroutines: output, lines, merging, options. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessTest {
    private static final SubprocessOptions PIPES = SubprocessOptions.defaults()
            .stdout(Stdio.PIPE).stderr(Stdio.PIPE);

    @BeforeEach
    void posix() {
        PosixTools.assume();
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    // ---- communicate -----------------------------------------------------------------------

    @Async
    static Coroutine<List<Object>> communicateShell(String cmd, SubprocessOptions options, byte[] input) {
        Subprocess p = Weft.await(Subprocess.shell(cmd, options));
        Output out = Weft.await(p.communicate(input));
        List<Object> r = new ArrayList<>();
        r.add(p.returnCode());
        r.add(text(out.stdout()));
        r.add(text(out.stderr()));
        return Weft.done(r);
    }

    @Test
    void communicate_failingShellCommand_givesExitCodeAndStderr() {
        List<Object> r = Weft.run(communicateShell("echo out; echo err >&2; exit 3", PIPES, null));

        assertEquals(List.of(3, "out\n", "err\n"), r);
    }

    @Test
    void communicate_input_isFedToStdinAndTheOutputComesBack() {
        List<Object> r = Weft.run(communicateShell("tr a-z A-Z",
                PIPES.stdin(Stdio.PIPE), "hello\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(0, "HELLO\n", ""), r);
    }

    @Test
    void communicate_streamsNotPiped_areNull() {
        List<Object> r = new ArrayList<>(Weft.run(communicateShell("exit 1",
                SubprocessOptions.defaults().stdout(Stdio.DEVNULL).stderr(Stdio.DEVNULL), null)));

        assertEquals(1, r.get(0));
        assertNull(r.get(1));
        assertNull(r.get(2));
    }

    @Test
    void communicate_childExitsWithoutReadingItsInput_brokenPipeIsIgnored() {
        byte[] big = new byte[1 << 20];
        List<Object> r = Weft.run(communicateShell("exit 0", PIPES.stdin(Stdio.PIPE), big));

        assertEquals(List.of(0, "", ""), r);
    }

    // ---- merging, lines ----------------------------------------------------------------------

    @Test
    void stderrMergedIntoStdout_keepsTheOrderTheChildWroteIn() {
        List<Object> r = Weft.run(communicateShell(
                "echo out1; echo err1 >&2; echo out2; echo err2 >&2; echo out3",
                SubprocessOptions.defaults().stdout(Stdio.PIPE).stderr(Stdio.STDOUT), null));

        assertEquals(List.of(0, "out1\nerr1\nout2\nerr2\nout3\n"), r.subList(0, 2));
        assertNull(r.get(2), "merged stderr has no stream of its own");
    }

    /** Talks to a shell loop: each line is answered before the next one is sent. */
    @Async
    static Coroutine<List<String>> pingPong() {
        Subprocess p = Weft.await(Subprocess.shell("while read x; do echo \"got $x\"; done",
                SubprocessOptions.defaults().stdin(Stdio.PIPE).stdout(Stdio.PIPE)));
        List<String> log = new ArrayList<>();
        for (String word : List.of("a", "b", "c")) {
            p.stdin().write((word + "\n").getBytes(StandardCharsets.UTF_8));
            Weft.await(p.stdin().drain());
            log.add(text(Weft.await(p.stdout().readLine())));
            log.add("running " + (p.returnCode() == null));
        }
        p.stdin().close();
        log.add("eof " + text(Weft.await(p.stdout().read())).isEmpty());
        log.add("exit " + Weft.await(p.waitFor()));
        return Weft.done(log);
    }

    @Test
    void readLine_childAnswersOneLineAtATime_eachLineArrivesWhileItRuns() {
        assertEquals(List.of("got a\n", "running true", "got b\n", "running true", "got c\n",
                "running true", "eof true", "exit 0"), Weft.run(pingPong()));
    }

    @Async
    static Coroutine<List<String>> slowLines() {
        Subprocess p = Weft.await(Subprocess.shell(
                "for i in 1 2 3; do echo line $i; sleep 0.05; done",
                SubprocessOptions.defaults().stdout(Stdio.PIPE)));
        List<String> lines = new ArrayList<>();
        while (true) {
            byte[] line = Weft.await(p.stdout().readLine());
            if (line.length == 0) {
                break;
            }
            lines.add(text(line));
        }
        lines.add("exit " + Weft.await(p.waitFor()));
        return Weft.done(lines);
    }

    @Test
    void readLine_slowChild_returnsOneLineAtATimeThenEof() {
        assertEquals(List.of("line 1\n", "line 2\n", "line 3\n", "exit 0"), Weft.run(slowLines()));
    }

    // ---- options -----------------------------------------------------------------------------

    @Test
    void options_cwdAndAddedEnvironment_reachTheChild(@TempDir Path dir) throws Exception {
        List<Object> r = Weft.run(communicateShell("pwd; echo $WEFT_TEST_VAR; test -n \"$PATH\" && echo path",
                PIPES.cwd(dir).env(Map.of("WEFT_TEST_VAR", "v1")), null));

        assertEquals(List.of(0, dir.toRealPath().toString() + "\nv1\npath\n", ""), r);
    }

    @Test
    void options_replacedEnvironment_dropsTheParentsVariables() {
        List<Object> r = Weft.run(communicateShell("echo \"[$HOME][$ONLY]\"",
                PIPES.replaceEnv(Map.of("ONLY", "this")), null));

        assertEquals(List.of(0, "[][this]\n", ""), r);
    }

    @Async
    static Coroutine<String> execEcho(Path out) {
        Subprocess p = Weft.await(Subprocess.exec(List.of("echo", "to", "a file"),
                SubprocessOptions.defaults().stdout(Stdio.file(out))));
        return Weft.done("exit " + Weft.await(p.waitFor()));
    }

    @Test
    void options_stdoutToFile_writesTheFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        assertEquals("exit 0", Weft.run(execEcho(out)));

        assertEquals("to a file\n", java.nio.file.Files.readString(out));
    }

    @Async
    static Coroutine<byte[]> smallLimit() {
        Subprocess p = Weft.await(Subprocess.shell("head -c 100000 /dev/zero",
                SubprocessOptions.defaults().stdout(Stdio.PIPE).limit(1024)));
        byte[] all = Weft.await(p.stdout().read());
        Weft.await(p.waitFor());
        return Weft.done(all);
    }

    @Test
    void options_limit_isTheReadersLimit_andReadToEofStillGetsEverything() {
        assertArrayEquals(new byte[100000], Weft.run(smallLimit()));
    }

    @Test
    void pid_isTheChildsProcessId() {
        long pid = Weft.run(pidOfShell());
        assertTrue(pid > 0);
    }

    @Async
    static Coroutine<Long> pidOfShell() {
        Subprocess p = Weft.await(Subprocess.shell("echo $$",
                SubprocessOptions.defaults().stdout(Stdio.PIPE)));
        long said = Long.parseLong(text(Weft.await(p.stdout().readLine())).trim());
        Weft.await(p.waitFor());
        if (said != p.pid()) {
            throw new AssertionError("the shell says its pid is " + said + ", pid() says " + p.pid());
        }
        return Weft.done(said);
    }
}
