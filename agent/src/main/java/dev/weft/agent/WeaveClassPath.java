package dev.weft.agent;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The class path an offline weave reads referenced classes from (the classes being woven, their
 * dependencies, the JDK), so that stack-map frames merge types the way the JVM will. Classes are
 * only read as resources, never loaded or initialised.
 *
 * <p>An entry that cannot be opened (a corrupt or unreadable jar) is left out with one warning
 * naming it: weaving goes on, and a type only that jar defines is treated as a direct subclass
 * of {@code Object}, as the verifier would without it. A missing entry is ignored, as
 * {@code java -cp} does.
 *
 * <p>Not thread-safe to build; the loader it holds may be used from any thread. Close it when
 * the weave is over to release open jars. Entries must not be null.
 */
public final class WeaveClassPath implements AutoCloseable {
    private final URLClassLoader loader;
    private final List<String> warnings;

    private WeaveClassPath(URLClassLoader loader, List<String> warnings) {
        this.loader = loader;
        this.warnings = List.copyOf(warnings);
    }

    /** Opens the entries, in order; JDK classes come from the running JDK's platform loader. */
    public static WeaveClassPath open(List<Path> entries) {
        List<URL> urls = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                urls.add(url(entry));
            } else if (Files.exists(entry)) {
                String problem = jarProblem(entry);
                if (problem == null) {
                    urls.add(url(entry));
                } else {
                    warnings.add("weft: cannot open class path entry " + entry + " (" + problem
                            + "); weaving goes on without it, so types only it defines are taken for "
                            + "direct subclasses of Object — fix or remove the entry");
                }
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        return new WeaveClassPath(loader, warnings);
    }

    /** The loader whose resources the weaver reads class files from. */
    public ClassLoader loader() {
        return loader;
    }

    /** One line per entry that was left out, naming it and why. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** Why the file at {@code entry} cannot serve as a jar, or null if it can. */
    private static String jarProblem(Path entry) {
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            zip.size(); // opening read the central directory: that was the check
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad class path entry " + p, e);
        }
    }
}
