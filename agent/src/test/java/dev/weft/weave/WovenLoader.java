package dev.weft.weave;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A child-first class loader for pass-level tests that run woven code: it defines the classes it
 * is given from their (woven) bytes and delegates the rest, and records every class it was asked
 * to find, so a test can tell that weaving itself loaded nothing.
 *
 * <p>Not thread-safe beyond what {@link ClassLoader} guarantees; one test at a time.
 */
final class WovenLoader extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();
    private final List<String> found = new ArrayList<>();

    WovenLoader(ClassLoader parent) {
        super(parent);
    }

    /** Serves {@code bytes} as the class {@code binaryName} (child-first). */
    WovenLoader with(String binaryName, byte[] bytes) {
        classes.put(binaryName, bytes);
        return this;
    }

    /** The classes this loader defined so far, in order. */
    List<String> found() {
        return List.copyOf(found);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        found.add(name);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
