package dev.weft.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds class directories for the offline weaver's tests and loads classes back from them. */
final class ClassDirs {
    private ClassDirs() {
    }

    /** Copies the class files of {@code classes} into {@code dir}, in their package folders. */
    static void copy(Path dir, Class<?>... classes) throws IOException {
        for (Class<?> c : classes) {
            Path file = file(dir, c);
            Files.createDirectories(file.getParent());
            try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
                Files.write(file, in.readAllBytes());
            }
        }
    }

    /** The directory or jar {@code c} was loaded from. */
    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Where {@code c}'s class file lives under {@code dir}. */
    static Path file(Path dir, Class<?> c) {
        return dir.resolve(c.getName().replace('.', '/') + ".class");
    }

    /**
     * A loader that defines the classes of {@code dir} itself (child-first, so the un-woven
     * copies on the test class path are not used) and takes the runtime from the test class path.
     */
    static URLClassLoader childFirst(Path dir) {
        try {
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassDirs.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (!name.startsWith("dev.weft.agent.samples.")) {
                        return super.loadClass(name, resolve);
                    }
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
            };
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
