package dev.weft.examples.process;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;
import dev.weft.process.Output;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import java.nio.charset.StandardCharsets;

/**
 * Seed 003's {@code asyncio.subprocess} example: {@code run('ls /zzz')} starts a shell command
 * with stdout and stderr piped, {@code communicate()}s, and prints the exit code and what came
 * back on each stream — here {@code ls}'s complaint on stderr and exit code 2.
 */
public final class RunShell {
    private RunShell() {
    }

    @Async
    static Coroutine<Void> run(String cmd) {
        Subprocess proc = Weft.await(Subprocess.shell(cmd, SubprocessOptions.defaults()
                .stdout(Stdio.PIPE)
                .stderr(Stdio.PIPE)));

        Output output = Weft.await(proc.communicate());

        System.out.println("[" + Repr.of(cmd) + " exited with " + proc.returnCode() + "]");
        if (output.stdout().length > 0) {
            System.out.println("[stdout]\n" + new String(output.stdout(), StandardCharsets.UTF_8));
        }
        if (output.stderr().length > 0) {
            System.out.println("[stderr]\n" + new String(output.stderr(), StandardCharsets.UTF_8));
        }
        return Weft.done();
    }

    /** Runs {@code ls /zzz}, or the shell command given as the arguments. */
    public static void main(String[] args) {
        Weft.run(run(args.length > 0 ? String.join(" ", args) : "ls /zzz"));
    }
}
