package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ctrl-C for real: runs an example in a child JVM (woven by the same agent), waits until it is
 * where a user would press Ctrl-C, sends the process SIGINT with {@code kill -INT}, and checks
 * what it printed and how it ended.
 *
 * <ul>
 *   <li>{@code threads/KeyboardInterruptTasks}: one SIGINT while three tasks sleep; the pending
 *       tasks must be listed, cancelled (their {@code finally} blocks run), and {@code Weft.run}
 *       must end with {@code KeyboardInterrupt}: the output is compared with its Python twin's,
 *       made the same way ({@code seeds/threads/KeyboardInterruptTasks.py}).</li>
 *   <li>{@link StuckCleanup}: a second SIGINT while the cleanup is stuck ends the JVM at once,
 *       with status 130.</li>
 *   <li>{@link SignalProbe} under {@code -Xrs}, where the JVM keeps SIGINT to itself:
 *       {@code addSignalHandler("INT", ...)} fails with a message that says so, and
 *       {@code Weft.run} works without its Ctrl-C handling.</li>
 * </ul>
 *
 * <p>Needs a POSIX {@code kill} and Linux's {@code /proc} (to see whether this JVM was started with
 * SIGINT ignored, which a child would inherit and the JVM would keep: then the child starts
 * under {@code env --default-signal=INT}). The example's sleeps are made a minute long so the
 * signal always comes first; nothing waits on wall-clock time but bounded timeouts.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeyboardInterruptExampleTest {

    @Test
    void keyboardInterruptTasks_sigintWhileTasksSleep_pendingTasksCancelledAndReported() throws Exception {
        Child child = Child.start(List.of(Main.class.getName(), "threads/KeyboardInterruptTasks", "60000"));
        child.readUntil(lines -> lines.stream().filter(l -> l.startsWith("Waiting:")).count() == 3);

        child.sigint();
        int status = child.waitFor();

        assertEquals(0, status, "the example catches KeyboardInterrupt and ends normally\n" + child.output()
                + child.errors());
        assertEquals(ExampleOutput.normalise(ExampleOutput.resource("/expected/threads/KeyboardInterruptTasks.txt")),
                ExampleOutput.normalise(child.output()),
                "KeyboardInterruptTasks does not print what seeds/threads/KeyboardInterruptTasks.py prints");
    }

    @Test
    void secondSigint_whileTheCleanupIsStuck_endsTheJvmAtOnceWithStatus130() throws Exception {
        Child child = Child.start(List.of(StuckCleanup.class.getName()));
        child.readUntil(lines -> lines.contains("ready"));
        child.sigint();
        child.readUntil(lines -> lines.contains("cleaning up"));

        child.sigint();
        int status = child.waitFor();

        assertEquals(130, status, child.output() + child.errors());
        assertTrue(!child.output().contains("cleanup done"), child.output());
        // On standard error at most the one record weft logs on its way out (java.util.logging's
        // console format: a date line, then this): best effort, since the JVM halts 200 ms after
        // the second SIGINT whether the logging backend has written it or not.
        String errors = child.errors();
        assertTrue(errors.isEmpty() || errors.lines().count() == 2 && errors.endsWith(
                "WARNING: weft: SIGINT during shutdown: ending the JVM now (status 130)\n"), errors);
    }

    @Test
    void addSignalHandler_jvmRunningWithXrs_clearUnsupportedOperationExceptionAndWeftRunStillWorks() throws Exception {
        Child child = Child.start(List.of("-Xrs", SignalProbe.class.getName()));

        int status = child.waitFor();

        assertEquals(0, status, child.output() + child.errors());
        assertEquals("UnsupportedOperationException: the JVM cannot hand SIGINT to Java code: the VM or "
                + "the OS reserves it (is the JVM running with -Xrs?)\n", child.output());
    }

    /**
     * A child JVM running one of the examples, its output read line by line; its standard error
     * goes to a file the test reads ({@link #errors()}), not into the build's output.
     */
    private static final class Child {
        private final Process process;
        private final Path err;
        private final BufferedReader out;
        private final List<String> lines = new ArrayList<>();

        private Child(Process process, Path err) {
            this.process = process;
            this.err = err;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Starts {@code java [-javaagent of this JVM] -cp [this class path] ARGS}. */
        static Child start(List<String> args) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (sigintIgnoredHere()) {
                cmd.addAll(List.of("env", "--default-signal=INT"));
            }
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (arg.startsWith("-javaagent:")) {
                    cmd.add(arg);
                }
            }
            List<String> rest = new ArrayList<>(args);
            while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
                cmd.add(rest.remove(0)); // JVM options go before the class path
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
            cmd.addAll(rest);
            Path err = Files.createTempFile("weft-child", ".err");
            err.toFile().deleteOnExit();
            return new Child(new ProcessBuilder(cmd).redirectError(err.toFile()).start(), err);
        }

        void readUntil(java.util.function.Predicate<List<String>> seen) throws IOException {
            while (!seen.test(lines)) {
                String line = out.readLine();
                if (line == null) {
                    throw new AssertionError("the child ended before printing what was expected: " + lines);
                }
                lines.add(line);
            }
        }

        void sigint() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -INT failed");
        }

        int waitFor() throws IOException, InterruptedException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child did not end after SIGINT");
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines) + "\n";
        }

        /** What the child wrote on standard error so far. */
        String errors() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(cannot read " + err + ": " + e + ")";
            }
        }
    }

    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.exists(status), "needs Linux's /proc");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }
}
