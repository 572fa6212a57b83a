package dev.weft.weave;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Super classes and interfaces of classes, read from their class files through a
 * {@link ClassLoader}'s resources — never by loading them, so weaving cannot trigger class
 * initialisation or load classes in the wrong order, and works for classes being defined.
 *
 * <p>Used for the verifier's type merges during analysis and for stack-map frames when writing.
 * A class whose bytes cannot be found is treated as a direct subclass of {@code Object}, which
 * is what a verifier would conclude too.
 *
 * <p>Thread-safe: the cache is a concurrent map; entries are immutable.
 */
final class ClassHierarchy {
    /** What the hierarchy knows of one class. */
    private record Info(String superName, String[] interfaces, boolean isInterface) {
    }

    private static final Info UNKNOWN = new Info("java/lang/Object", new String[0], false);

    private final ClassLoader loader;
    private final Map<String, Info> cache = new ConcurrentHashMap<>();

    ClassHierarchy(ClassLoader loader) {
        this.loader = loader;
    }

    /** Registers a class whose bytes are at hand (the one being woven). */
    void define(String name, String superName, String[] interfaces, boolean isInterface) {
        cache.put(name, new Info(superName, interfaces == null ? new String[0] : interfaces, isInterface));
    }

    boolean isInterface(String name) {
        return info(name).isInterface();
    }

    /** The super class's internal name, or null for {@code java/lang/Object} and interfaces' roots. */
    String superName(String name) {
        if ("java/lang/Object".equals(name)) {
            return null;
        }
        return info(name).superName();
    }

    /** Whether a value of class {@code sub} can be assigned to a variable of class {@code sup}. */
    boolean isAssignable(String sup, String sub) {
        if (sup.equals(sub) || "java/lang/Object".equals(sup)) {
            return true;
        }
        List<String> todo = new ArrayList<>();
        todo.add(sub);
        while (!todo.isEmpty()) {
            String c = todo.remove(todo.size() - 1);
            if (c.equals(sup)) {
                return true;
            }
            Info i = info(c);
            if (i.superName() != null && !"java/lang/Object".equals(c)) {
                todo.add(i.superName());
            }
            for (String itf : i.interfaces()) {
                todo.add(itf);
            }
        }
        return false;
    }

    /** The nearest common super class, as ClassWriter's {@code getCommonSuperClass} wants it. */
    String commonSuperClass(String a, String b) {
        if (isAssignable(a, b)) {
            return a;
        }
        if (isAssignable(b, a)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return "java/lang/Object";
        }
        String c = a;
        do {
            c = superName(c);
        } while (c != null && !isAssignable(c, b));
        return c == null ? "java/lang/Object" : c;
    }

    private Info info(String name) {
        Info known = cache.get(name);
        if (known != null) {
            return known;
        }
        Info read = read(name);
        cache.put(name, read);
        return read;
    }

    private Info read(String name) {
        String resource = name + ".class";
        try (InputStream in = loader != null
                ? loader.getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            ClassReader reader = new ClassReader(in);
            boolean itf = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
            String sup = reader.getSuperName() == null ? "java/lang/Object" : reader.getSuperName();
            return new Info(sup, reader.getInterfaces(), itf);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN; // unreadable: the verifier would fall back to Object as well
        }
    }
}
