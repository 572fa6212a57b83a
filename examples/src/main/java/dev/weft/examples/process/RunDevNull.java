package dev.weft.examples.process;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;
import dev.weft.process.Output;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;

/**
 * Seed 003's {@code subprocess.run(..., shell=True, stdout=DEVNULL, stderr=DEVNULL)}, on the
 * loop: a shell command that writes to both streams and exits 1, with both streams discarded, so
 * the return code is 1 and neither stream was captured ({@code None}).
 */
public final class RunDevNull {
    private RunDevNull() {
    }

    @Async
    static Coroutine<Void> run() {
        Subprocess completed = Weft.await(Subprocess.shell(
                "echo to stdout; echo to stderr 1>&2; exit 1",
                SubprocessOptions.defaults()
                        .stdout(Stdio.DEVNULL)
                        .stderr(Stdio.DEVNULL)));
        // subprocess.run waits and captures nothing: communicate() does the same here.
        Output output = Weft.await(completed.communicate());
        System.out.println("returncode: " + completed.returnCode());
        System.out.println("stdout is " + Repr.of(output.stdout()));
        System.out.println("stderr is " + Repr.of(output.stderr()));
        return Weft.done();
    }

    public static void main(String[] args) {
        Weft.run(run());
    }
}
