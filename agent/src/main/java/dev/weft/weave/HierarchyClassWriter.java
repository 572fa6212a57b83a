package dev.weft.weave;

import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} that computes stack-map frames with a {@link ClassHierarchy} instead of
 * loading classes ({@code ClassWriter}'s default), which in an agent could load classes early,
 * in the wrong loader, or recursively into the class being defined.
 *
 * <p>Not thread-safe, like any ClassWriter.
 */
final class HierarchyClassWriter extends ClassWriter {
    private final ClassHierarchy hierarchy;

    HierarchyClassWriter(ClassHierarchy hierarchy) {
        super(COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
