package dev.weft.weave;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} with its class lookups answered by a {@link ClassHierarchy}
 * (class files read as bytes, never loaded), and with {@code NEW} producing an
 * {@link UninitializedValue} so the analysis can tell an object under construction from a
 * finished one.
 *
 * <p>Interfaces are treated as the JVM's verifier treats them: any reference may stand where an
 * interface type is expected, since merges of interface types only ever yield class types.
 *
 * <p>One instance per analysed method; not thread-safe.
 */
final class TypedInterpreter extends SimpleVerifier {
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");
    private static final Type NULL = Type.getObjectType("null");

    private final ClassHierarchy hierarchy;

    TypedInterpreter(ClassHierarchy hierarchy, Type current, Type superClass,
                     List<Type> interfaces, boolean isInterface) {
        super(Opcodes.ASM9, current, superClass, interfaces, isInterface);
        this.hierarchy = hierarchy;
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.NEW) {
            return new UninitializedValue(Type.getObjectType(((TypeInsnNode) insn).desc), insn);
        }
        return super.newOperation(insn);
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return OBJECT;
        }
        String sup = hierarchy.superName(type.getInternalName());
        return sup == null ? null : Type.getObjectType(sup);
    }

    @Override
    protected boolean isAssignableFrom(Type target, Type source) {
        if (target.equals(source) || source.equals(NULL)) {
            return true;
        }
        if (target.getSort() == Type.ARRAY) {
            return source.getSort() == Type.ARRAY && elementAssignable(target, source);
        }
        if (target.getSort() != Type.OBJECT) {
            return false;
        }
        if (source.getSort() == Type.ARRAY) {
            String t = target.getInternalName();
            return t.equals("java/lang/Object") || t.equals("java/lang/Cloneable")
                    || t.equals("java/io/Serializable");
        }
        return source.getSort() == Type.OBJECT
                && hierarchy.isAssignable(target.getInternalName(), source.getInternalName());
    }

    private boolean elementAssignable(Type target, Type source) {
        Type te = Type.getType(target.getDescriptor().substring(1));
        Type se = Type.getType(source.getDescriptor().substring(1));
        boolean refs = (te.getSort() == Type.OBJECT || te.getSort() == Type.ARRAY)
                && (se.getSort() == Type.OBJECT || se.getSort() == Type.ARRAY);
        return refs ? isAssignableFrom(te, se) : te.equals(se);
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type want = expected.getType();
        Type have = value.getType();
        if (want.getSort() != Type.OBJECT && want.getSort() != Type.ARRAY) {
            return super.isSubTypeOf(value, expected);
        }
        if (have == null || (have.getSort() != Type.OBJECT && have.getSort() != Type.ARRAY)) {
            return false;
        }
        return isAssignableFrom(want, have) || isInterface(want);
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new UnsupportedOperationException("the weaver never loads " + type.getClassName());
    }
}
