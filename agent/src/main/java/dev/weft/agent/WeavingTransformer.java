package dev.weft.agent;

import dev.weft.weave.WeavePipeline;
import dev.weft.weave.WeaveResult;
import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The agent's {@link ClassFileTransformer}: weaves each class as it is loaded.
 *
 * <p>A class that does not mention weft is passed over after a {@link ConstantPoolScan}. Code
 * that cannot be woven is logged ({@link AgentLog}), one line per reason naming
 * {@code Class.method(File.java:line)}; the rest of its class is woven, the refused method throws
 * that reason if it is ever called, and the application keeps running.
 *
 * <p>Thread-safe: the JVM calls it from any loading thread; pipelines are kept per class loader
 * (weakly, so loaders can be unloaded).
 */
final class WeavingTransformer implements ClassFileTransformer {
    private final boolean verify;
    private final boolean debug;
    /**
     * One pipeline per loader, the boot loader's under the null key (which a {@code WeakHashMap}
     * holds strongly). Made on a loader's first class with {@code @Async}: until then neither the
     * weaver nor ASM is loaded, so an application without {@code @Async} classes pays only for
     * this class and the scan (see {@code StartupProbe} in the benchmarks).
     */
    private final Map<ClassLoader, WeavePipeline> pipelines = Collections.synchronizedMap(new WeakHashMap<>());

    WeavingTransformer(boolean verify, boolean debug) {
        this.verify = verify;
        this.debug = debug;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (skip(className) || !ConstantPoolScan.mentionsWeft(classfileBuffer)) {
            return null;
        }
        try {
            WeaveResult result = pipeline(loader).weave(classfileBuffer, className + ".class");
            for (String message : result.messages()) {
                AgentLog.log(Level.WARNING, message);
            }
            if (debug && result.changed()) {
                AgentLog.log(Level.INFO, "weft: woven " + result.className());
            }
            return result.bytes();
        } catch (Throwable t) {
            // A transformer must never throw: the class would fail to load.
            AgentLog.log(Level.ERROR, "weft: cannot weave " + className + ": internal weaver error " + t
                    + "; the class is left unwoven — please report this");
            return null;
        }
    }

    private static boolean skip(String className) {
        return className == null
                || className.startsWith("java/")
                || className.startsWith("jdk/")
                || className.startsWith("sun/")
                || className.startsWith("dev/weft/shaded/")
                || className.startsWith("dev/weft/weave/")
                || className.startsWith("dev/weft/agent/");
    }

    private WeavePipeline pipeline(ClassLoader loader) {
        return pipelines.computeIfAbsent(loader, l -> new WeavePipeline(l, verify));
    }
}
