package dev.weft.weave;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The weaver: a pure function from a class file to a woven class file, used alike by the java
 * agent, the offline weaver and the build plugin.
 *
 * <p>It runs the passes of the design in order — {@link ScanPass scan}, {@link AnalysePass
 * analyse}, {@link LayoutPass layout}, {@link RewritePass rewrite} ({@link BodyRewriter},
 * {@link FactoryBuilder}), {@link VerifyPass verify} — over an ASM tree; the passes share only immutable records. Each
 * error is returned as a {@link WeaveError} naming {@code Class.method(File.java:line)}; it
 * concerns one method, which is made to throw that reason when called ({@link RejectedCode}),
 * while the rest of the class is woven — a method whose woven code turns out too large or fails
 * verification is dropped and the class woven again without it. Only class-wide problems (a
 * class file before Java 8) leave the whole class unchanged. Classes already woven are
 * recognised by their {@link WovenMarker marker} and returned unchanged, so weaving is
 * idempotent; one woven by another ABI version is refused.
 *
 * <p>Thread-safe: each call works on its own objects; the hierarchy cache is concurrent.
 */
public final class WeavePipeline {
    private final ClassHierarchy hierarchy;
    private final boolean verify;

    /**
     * @param loader where referenced classes' bytes are read from for type merges (never loaded);
     *     null for the system loader
     * @param verify whether to run the verify pass on every woven class
     */
    public WeavePipeline(ClassLoader loader, boolean verify) {
        this.hierarchy = new ClassHierarchy(loader);
        this.verify = verify;
    }

    /**
     * Weaves one class file; never throws for bad input, it reports it in the result. A method
     * that cannot be woven is reported and made to throw its reason when called; the other
     * methods of its class are woven all the same.
     */
    public WeaveResult weave(byte[] classFile) {
        return weave(classFile, "a class file");
    }

    /**
     * Weaves one class file read from {@code source} (a file name, or a class name where there is
     * no file); never throws for bad input, it reports it in the result. Bytes that cannot be read
     * at all (not a class file, from a newer JDK than this weaver reads, truncated or corrupt) give
     * a result with a null class name and one error whose site is {@code source}.
     */
    public WeaveResult weave(byte[] classFile, String source) {
        String problem = ClassFileCheck.earlyProblem(classFile);
        ClassNode cls = null;
        if (problem == null) {
            try {
                cls = read(classFile);
            } catch (RuntimeException e) {
                problem = ClassFileCheck.readProblem(classFile, e);
            }
        }
        if (problem != null) {
            return new WeaveResult(null, null, List.of(new WeaveError(source, problem)));
        }
        String name = cls.name.replace('/', '.');
        Integer wovenWith = WovenMarker.abiOf(cls);
        if (wovenWith != null) {
            return new WeaveResult(name, null, wovenWith == RuntimeNames.ABI_VERSION
                    ? List.of() : List.of(incompatible(name, wovenWith)));
        }
        ScanResult scan = ScanPass.scan(cls);
        if (scan.methods().isEmpty() && scan.rejections().isEmpty()) {
            return new WeaveResult(name, null, List.of());
        }
        Map<String, WeaveError> failed = new LinkedHashMap<>();
        try {
            while (true) {
                try {
                    return weaveOnce(cls, scan, failed);
                } catch (WeaveException e) {
                    if (e.method() == null || failed.containsKey(e.method())) {
                        throw e;
                    }
                    // One method broke the output: weave the class again, without it.
                    failed.put(e.method(), e.error());
                    cls = read(classFile);
                    scan = ScanPass.scan(cls);
                }
            }
        } catch (WeaveException e) {
            return new WeaveResult(name, null, List.of(e.error()));
        } catch (RuntimeException e) {
            return new WeaveResult(name, null, List.of(new WeaveError(name,
                    "internal weaver error " + e + "; please report this with the class file")));
        }
    }

    /**
     * One weave of a freshly read class, leaving the methods in {@code failed} (keyed by
     * {@code name + descriptor}) unwoven.
     *
     * @throws WeaveException naming the original method at fault when the written class or its
     *     verification fails because of it
     */
    private WeaveResult weaveOnce(ClassNode cls, ScanResult scan, Map<String, WeaveError> failed)
            throws WeaveException {
        String name = cls.name.replace('/', '.');
        checkVersion(cls, firstSite(scan));
        hierarchy.define(cls.name, cls.superName, cls.interfaces.toArray(new String[0]),
                (cls.access & Opcodes.ACC_INTERFACE) != 0);
        List<WeaveError> errors = new ArrayList<>(scan.errors());
        scan.rejections().forEach(RejectedCode::apply);
        Map<String, String> origins = new HashMap<>();
        boolean anyWoven = weaveMethods(cls, scan.methods(), failed, errors, origins);
        WovenMarker.mark(cls, anyWoven);
        byte[] out;
        try {
            out = write(cls);
        } catch (MethodTooLargeException e) {
            String method = origins.get(e.getMethodName() + e.getDescriptor());
            throw new WeaveException(new WeaveError(siteOf(scan, method, name), "woven, this method's code "
                    + "would be " + e.getCodeSize() + " bytes, over the JVM's limit of 65535 bytes per method "
                    + "(weaving adds code to save and restore the values live at each await): split the "
                    + "method, for example by moving a loop or a branch that awaits into an @Async helper "
                    + "method"), method);
        } catch (ClassTooLargeException e) {
            throw new WeaveException(new WeaveError(name, "woven, the class's constant pool would hold "
                    + e.getConstantPoolCount() + " entries, over the JVM's limit of 65535: split the class"));
        }
        if (verify) {
            try {
                VerifyPass.verify(out, hierarchy, name);
            } catch (WeaveException e) {
                String method = e.method() == null ? null : origins.get(e.method());
                throw new WeaveException(e.error(), method);
            }
        }
        return new WeaveResult(name, out, List.copyOf(errors));
    }

    private static WeaveError incompatible(String name, int wovenWith) {
        return new WeaveError(name, "the class was already woven by a weft weaver of ABI version "
                + wovenWith + ", and this weaver writes version " + RuntimeNames.ABI_VERSION
                + ": a woven class cannot be woven again; recompile it from source and weave it with "
                + "the weft version of the runtime it runs with");
    }

    private static String firstSite(ScanResult scan) {
        return scan.methods().isEmpty() ? scan.rejections().get(0).error().site() : scan.methods().get(0).site();
    }

    private static String siteOf(ScanResult scan, String method, String fallback) {
        for (AsyncMethod m : scan.methods()) {
            if ((m.method().name + m.method().desc).equals(method)) {
                return m.site();
            }
        }
        return fallback;
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode cls = new ClassNode(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                // Old class files may hold JSR/RET subroutines; inline them so the analysis
                // never meets a return address.
                return new JSRInlinerAdapter(mv, access, name, descriptor, signature, exceptions);
            }
        };
        new ClassReader(classFile).accept(cls, ClassReader.SKIP_FRAMES);
        return cls;
    }

    private static void checkVersion(ClassNode cls, String site) throws WeaveException {
        int major = cls.version & 0xFFFF;
        if (major < Opcodes.V1_8) {
            throw new WeaveException(new WeaveError(site, "the class file is version " + major
                    + " (before Java 8), which has no invokedynamic for woven bodies; recompile with "
                    + "--release 8 or newer"));
        }
    }

    /**
     * Runs the analyse, layout and rewrite passes over each method of {@code methods}: each is
     * replaced by its factory and gets its body, or, for a method in {@code failed} or one the
     * analysis refuses, is made to throw its reason (added to {@code errors}). Records in
     * {@code origins} which original method each factory and body comes from. Returns whether
     * any method was woven.
     */
    private boolean weaveMethods(ClassNode cls, List<AsyncMethod> methods, Map<String, WeaveError> failed,
                                 List<WeaveError> errors, Map<String, String> origins) {
        RewritePass rewrite = new RewritePass(cls);
        for (AsyncMethod async : methods) {
            MethodNode m = async.method();
            String key = m.name + m.desc;
            WeaveError failure = failed.get(key);
            if (failure == null) {
                try {
                    String bodyName = rewrite.reserveBodyName(m.name);
                    weaveMethod(cls, rewrite, async, bodyName);
                    origins.put(key, key);
                    origins.put(bodyName + RuntimeNames.BODY_DESC, key);
                    continue;
                } catch (WeaveException e) {
                    failure = e.error();
                }
            }
            errors.add(failure);
            RejectedCode.stub(m, failure);
        }
        return rewrite.finish();
    }

    /** Passes 2 to 4 over one method: analyse, lay out its frame, rewrite it. */
    private void weaveMethod(ClassNode cls, RewritePass rewrite, AsyncMethod async, String bodyName)
            throws WeaveException {
        MethodNode m = async.method();
        List<SuspensionPoint> points = AnalysePass.analyse(cls, async, hierarchy);
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        FrameLayout layout = LayoutPass.layout(LayoutPass.argumentLocals(cls.name, isStatic, m.desc), points);
        rewrite.rewrite(async, layout, bodyName);
    }

    private byte[] write(ClassNode cls) {
        HierarchyClassWriter writer = new HierarchyClassWriter(hierarchy);
        ClassVisitor visitor = writer;
        cls.accept(visitor);
        return writer.toByteArray();
    }
}
