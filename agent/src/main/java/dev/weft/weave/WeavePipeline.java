package dev.weft.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The weaver: a pure function from a class file to a woven class file, used alike by the java
 * agent, the offline weaver and the build plugin.
 *
 * <p>It runs the passes of the design in order — {@link ScanPass scan}, {@link AnalysePass
 * analyse}, {@link LayoutPass layout}, rewrite ({@link BodyRewriter}, {@link FactoryBuilder}),
 * {@link VerifyPass verify} — over an ASM tree; the passes share only immutable records. Any
 * error leaves the class unchanged and is returned as a {@link WeaveError} naming
 * {@code Class.method(File.java:line)}. Classes already woven are recognised by a marker
 * annotation and returned unchanged, so weaving is idempotent.
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

    /** Weaves one class file; never throws for bad input, it reports it in the result. */
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
        if (isWoven(cls)) {
            return new WeaveResult(name, null, List.of());
        }
        ScanResult scan = ScanPass.scan(cls);
        if (!scan.errors().isEmpty()) {
            return new WeaveResult(name, null, scan.errors());
        }
        if (scan.methods().isEmpty()) {
            return new WeaveResult(name, null, List.of());
        }
        try {
            checkVersion(cls, scan.methods().get(0).site());
            hierarchy.define(cls.name, cls.superName, cls.interfaces.toArray(new String[0]),
                    (cls.access & Opcodes.ACC_INTERFACE) != 0);
            rewrite(cls, scan.methods());
            byte[] out = write(cls);
            if (verify) {
                VerifyPass.verify(out, hierarchy, name);
            }
            return new WeaveResult(name, out, List.of());
        } catch (WeaveException e) {
            return new WeaveResult(name, null, List.of(e.error()));
        } catch (RuntimeException e) {
            return new WeaveResult(name, null, List.of(new WeaveError(name,
                    "internal weaver error " + e + "; please report this with the class file")));
        }
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

    private static boolean isWoven(ClassNode cls) {
        if (cls.invisibleAnnotations != null) {
            for (AnnotationNode a : cls.invisibleAnnotations) {
                if (RuntimeNames.WOVEN_DESC.equals(a.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkVersion(ClassNode cls, String site) throws WeaveException {
        int major = cls.version & 0xFFFF;
        if (major < Opcodes.V1_8) {
            throw new WeaveException(new WeaveError(site, "the class file is version " + major
                    + " (before Java 8), which has no invokedynamic for woven bodies; recompile with "
                    + "--release 8 or newer"));
        }
    }

    private void rewrite(ClassNode cls, List<AsyncMethod> methods) throws WeaveException {
        boolean isInterface = (cls.access & Opcodes.ACC_INTERFACE) != 0;
        int bodyAccess = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | (isInterface && (cls.version & 0xFFFF) < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
        Set<String> taken = new HashSet<>();
        for (MethodNode m : cls.methods) {
            taken.add(m.name + m.desc);
        }
        List<MethodNode> added = new ArrayList<>();
        for (AsyncMethod async : methods) {
            MethodNode m = async.method();
            List<SuspensionPoint> points = AnalysePass.analyse(cls, async, hierarchy);
            boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
            FrameLayout layout = LayoutPass.layout(LayoutPass.argumentLocals(cls.name, isStatic, m.desc), points);
            String bodyName = uniqueBodyName(m.name, taken);
            MethodNode factory = FactoryBuilder.build(cls.name, isInterface, async, layout, bodyName);
            MethodNode body = BodyRewriter.rewrite(async, layout, bodyName, bodyAccess);
            cls.methods.set(cls.methods.indexOf(m), factory);
            added.add(body);
        }
        cls.methods.addAll(added);
        if (cls.invisibleAnnotations == null) {
            cls.invisibleAnnotations = new ArrayList<>();
        }
        cls.invisibleAnnotations.add(new AnnotationNode(RuntimeNames.WOVEN_DESC));
    }

    /** The body keeps the method's name for stack traces unless an overload already took it. */
    private static String uniqueBodyName(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 1; !taken.add(candidate + RuntimeNames.BODY_DESC); i++) {
            candidate = name + "$weft" + i;
        }
        return candidate;
    }

    private byte[] write(ClassNode cls) {
        HierarchyClassWriter writer = new HierarchyClassWriter(hierarchy);
        ClassVisitor visitor = writer;
        cls.accept(visitor);
        return writer.toByteArray();
    }
}
