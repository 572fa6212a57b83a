package dev.weft.examples.process;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.process.Stdio;
import dev.weft.process.Subprocess;
import dev.weft.process.SubprocessOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seed 003's {@code get_date}: exec a program that prints the current date (the seed runs
 * {@code python -c 'print(datetime.datetime.now())'}; this runs {@code date} with the same
 * format), read one line of its stdout, wait for it to exit, and print the line.
 */
public final class GetDate {
    /** {@code date}'s format for what Python's {@code datetime.now()} prints. */
    static final List<String> COMMAND = List.of("date", "+%Y-%m-%d %H:%M:%S.%6N");

    private GetDate() {
    }

    @Async
    static Coroutine<String> getDate() {
        // Create the subprocess; redirect the standard output into a pipe.
        Subprocess proc = Weft.await(Subprocess.exec(COMMAND,
                SubprocessOptions.defaults().stdout(Stdio.PIPE)));

        // Read one line of output.
        byte[] data = Weft.await(proc.stdout().readLine());
        String line = new String(data, StandardCharsets.US_ASCII).stripTrailing();

        // Wait for the subprocess exit.
        Weft.await(proc.waitFor());
        return Weft.done(line);
    }

    public static void main(String[] args) {
        String date = Weft.run(getDate());
        System.out.println("Current date: " + date);
    }
}
