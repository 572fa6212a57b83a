package dev.weft.process;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * Starts a child as {@link SubprocessOptions} say, through {@link ProcessBuilder}: the
 * translation of asyncio's arguments into redirects, directory and environment.
 *
 * <p>Stateless; any thread. The start itself (a {@code posix_spawn} on Linux) blocks the
 * calling thread for the time the system takes to spawn, as asyncio's {@code Popen} blocks its
 * loop.
 */
final class Launcher {
    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final File NULL_DEVICE = new File(WINDOWS ? "NUL" : "/dev/null");

    private Launcher() {
    }

    /**
     * Starts {@code command}.
     *
     * @param display the command as messages show it: {@code 'ls /zzz'}
     * @throws NoSuchFileException if the working directory does not exist
     * @throws IOException if the program cannot be run (the JDK's message names it: "Cannot run
     *     program "nosuch": error=2, No such file or directory"), or a redirect file cannot be
     *     opened
     */
    static Process start(List<String> command, SubprocessOptions options, String display)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (options.cwd() != null) {
            if (!Files.isDirectory(options.cwd())) {
                throw new NoSuchFileException(options.cwd().toString(), null,
                        "the working directory for " + display + " does not exist or is not a "
                                + "directory");
            }
            pb.directory(options.cwd().toFile());
        }
        Map<String, String> env = pb.environment();
        if (options.replacesEnv()) {
            env.clear();
        }
        env.putAll(options.env());
        pb.redirectInput(input(options.stdin()));
        pb.redirectOutput(output(options.stdout()));
        if (options.stderr().kind() == Stdio.Kind.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(options.stderr()));
        }
        return pb.start();
    }

    private static Redirect input(Stdio s) {
        switch (s.kind()) {
            case PIPE:
                return Redirect.PIPE;
            case DEVNULL:
                return Redirect.from(NULL_DEVICE);
            case INHERIT:
                return Redirect.INHERIT;
            case FILE:
                return Redirect.from(s.path().toFile());
            default:
                throw new IllegalArgumentException("stdin cannot be " + s);
        }
    }

    private static Redirect output(Stdio s) {
        switch (s.kind()) {
            case PIPE:
                return Redirect.PIPE;
            case DEVNULL:
                return Redirect.DISCARD;
            case INHERIT:
                return Redirect.INHERIT;
            case FILE:
                return Redirect.to(s.path().toFile());
            case APPEND:
                return Redirect.appendTo(s.path().toFile());
            default:
                throw new IllegalArgumentException("an output cannot be " + s);
        }
    }

    /** The argument list that runs {@code command} in the system shell. */
    static List<String> shellCommand(String command) {
        return WINDOWS ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
    }
}
