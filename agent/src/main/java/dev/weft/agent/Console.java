package dev.weft.agent;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The agent jar's one route to the process's standard streams, which only two callers use: the
 * offline {@code weave} command ({@link OfflineWeaver}), whose console lines are its documented
 * interface, and {@link AgentLog}'s fallback for a logging backend that fails. Everything else
 * the agent says goes to the {@link System.Logger} named {@value AgentLog#NAME}.
 *
 * <p>Why a command prints instead of logging: a build script reads the {@code weave} command's
 * summary line and exit status, and its problems must reach the terminal whatever logging
 * configuration the JVM has, one line each, in the order they were found. Standard output gets
 * the results (the summary line, {@code --verbose}'s "woven" lines, {@code --help}); standard
 * error gets the problems (bad arguments with the usage line, classes that could not be woven,
 * unreadable class path entries).
 *
 * <p>Threading: a console is used by one command on one thread; {@link #loggingFailed} from any
 * thread. Null policy: no argument may be null.
 */
final class Console {
    private final PrintStream out;
    private final PrintStream err;

    /** A console writing results to {@code out} and problems to {@code err}. */
    Console(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** The process's own console: {@link System#out} and {@link System#err}. */
    static Console system() {
        return new Console(System.out, System.err);
    }

    /** Prints one line of the command's result on standard output. */
    void result(String line) {
        out.println(line);
    }

    /** Prints one problem line on standard error. */
    void problem(String line) {
        err.println(line);
    }

    /**
     * The logging fallback: prints {@code message} on standard error with why the logger could
     * not take it, so a broken logging backend never silences a weaving problem (and never makes
     * a class fail to load).
     */
    static void loggingFailed(String message, Throwable why) {
        System.err.println(message + " (logging failed: " + why + ")");
    }
}
