package dev.weft.weave;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Pass 5: checks a woven class before it is handed to the JVM — the class structure with ASM's
 * {@link CheckClassAdapter}, and every method's types with a data-flow verification that, like
 * the rest of the weaver, reads the class hierarchy from class files instead of loading classes.
 *
 * <p>A failure here is a weaver bug: the pipeline then leaves the class unchanged and reports it.
 * Always on in tests and in the build plugin; optional in the agent.
 *
 * <p>Stateless; safe on any thread.
 */
final class VerifyPass {
    private VerifyPass() {
    }

    static void verify(byte[] woven, ClassHierarchy hierarchy, String site) throws WeaveException {
        try {
            new ClassReader(woven).accept(new CheckClassAdapter(null, false), 0);
        } catch (RuntimeException e) {
            throw failure(site, "structure", e.getMessage());
        }
        ClassNode cls = new ClassNode();
        new ClassReader(woven).accept(cls, 0);
        List<Type> interfaces = new ArrayList<>();
        for (String itf : cls.interfaces) {
            interfaces.add(Type.getObjectType(itf));
        }
        boolean isInterface = (cls.access & Opcodes.ACC_INTERFACE) != 0;
        for (MethodNode m : cls.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            TypedInterpreter types = new TypedInterpreter(hierarchy, Type.getObjectType(cls.name),
                    cls.superName == null ? null : Type.getObjectType(cls.superName), interfaces, isInterface);
            try {
                new Analyzer<BasicValue>(types).analyze(cls.name, m);
            } catch (AnalyzerException e) {
                WeaveException failure = failure(site, m.name + m.desc, e.getMessage());
                throw new WeaveException(failure.error(), m.name + m.desc);
            }
        }
    }

    private static WeaveException failure(String site, String what, String detail) {
        return new WeaveException(new WeaveError(site, "woven bytecode failed verification in " + what
                + " (" + detail + "); left unwoven — please report this weaver bug"));
    }
}
