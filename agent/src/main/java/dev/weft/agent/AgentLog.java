package dev.weft.agent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Where the java agent's messages go: the {@link System.Logger} named {@value #NAME}.
 *
 * <p>Levels: {@link Level#WARNING} for a method or class that cannot be woven (one line naming
 * {@code Class.method(File.java:line)}; the application keeps running), {@link Level#ERROR} for an
 * internal weaver error, and, under {@code -Dweft.debug=true} only, one line per woven class at
 * {@link Level#INFO}.
 *
 * <p>Why lazily: {@code premain} runs before the application's {@code main}, and looking a
 * logger up there would initialise the logging backend ({@code java.util.logging} by default)
 * before the application configures it. The logger is looked up at the first message, normally
 * while an application class loads. Only if that lookup or the backend itself fails is the
 * message printed to {@code System.err} instead ({@link Console#loggingFailed}): an agent must
 * never make a class fail to load.
 *
 * <p>Thread-safe.
 */
final class AgentLog {
    /** The logger's name. */
    static final String NAME = "dev.weft.agent";

    private AgentLog() {
    }

    /** Holder idiom: the logger is looked up on first use, once. */
    private static final class Holder {
        static final Logger LOG = System.getLogger(NAME);
    }

    /** Writes {@code message} at {@code level}; never throws. */
    static void log(Level level, String message) {
        try {
            Holder.LOG.log(level, message);
        } catch (RuntimeException | LinkageError e) {
            Console.loggingFailed(message, e); // the backend is broken or not usable yet
        }
    }
}
