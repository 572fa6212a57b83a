package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/**
 * The java agent that weaves {@code @Async} methods as classes load. Enable it with
 * {@code -javaagent:/path/to/weft-agent.jar}; an executable jar can carry it instead with the
 * manifest entry {@code Launcher-Agent-Class: dev.weft.agent.WeftAgent}.
 *
 * <p>System properties: {@code weft.verify} (default {@code true}) checks every woven class
 * before it is defined; {@code weft.debug} (default {@code false}) logs each woven class at
 * {@code INFO}. Messages go to the {@link System.Logger} named {@code dev.weft.agent}, one line
 * each (levels: see {@link AgentLog}); nothing is logged, and logging is not initialised, until
 * there is something to say.
 *
 * <p>Threading: the JVM calls the entry points once, on its start-up or attach thread.
 */
public final class WeftAgent {
    private static volatile boolean installed;

    private WeftAgent() {
    }

    /** Called by the JVM for {@code -javaagent}. */
    public static void premain(String args, Instrumentation inst) {
        install(inst);
    }

    /** Called by the JVM for a dynamically attached agent and for {@code Launcher-Agent-Class}. */
    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    private static synchronized void install(Instrumentation inst) {
        if (installed) {
            return; // e.g. both -javaagent and Launcher-Agent-Class: weave once
        }
        installed = true;
        boolean verify = Boolean.parseBoolean(System.getProperty("weft.verify", "true"));
        boolean debug = Boolean.getBoolean("weft.debug");
        inst.addTransformer(new WeavingTransformer(verify, debug), false);
    }
}
