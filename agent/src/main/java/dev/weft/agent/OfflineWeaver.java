package dev.weft.agent;

import dev.weft.weave.WeavePipeline;
import dev.weft.weave.WeaveResult;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Weaves compiled classes in place, ahead of time: {@code java -jar weft-agent.jar
 * [--classpath CP] DIR...}. Used by build tools; woven classes then run without the agent.
 *
 * <p>Exit status 0 when every class was woven or needed nothing, 1 when some class could not be
 * woven (each reason printed as a {@code Class.method(File.java:line)} line), 2 on bad usage.
 *
 * <p>Threading: a command-line tool; runs on the calling thread.
 */
public final class OfflineWeaver {
    private OfflineWeaver() {
    }

    /** The command-line entry point. */
    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the weaver over the directories in {@code args}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<Path> dirs = new ArrayList<>();
        List<URL> path = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--classpath") && i + 1 < args.length) {
                for (String entry : args[++i].split(File.pathSeparator)) {
                    path.add(url(Path.of(entry)));
                }
            } else {
                dirs.add(Path.of(args[i]));
                path.add(url(Path.of(args[i])));
            }
        }
        if (dirs.isEmpty()) {
            err.println("usage: java -jar weft-agent.jar [--classpath CP] CLASSES_DIR...");
            return 2;
        }
        try (URLClassLoader loader = new URLClassLoader(path.toArray(new URL[0]), null)) {
            WeavePipeline pipeline = new WeavePipeline(loader, true);
            int[] counts = new int[2]; // woven, failed
            for (Path dir : dirs) {
                weaveTree(pipeline, dir, err, counts);
            }
            out.println("weft: woven " + counts[0] + " classes, " + counts[1] + " failed");
            return counts[1] == 0 ? 0 : 1;
        }
    }

    private static void weaveTree(WeavePipeline pipeline, Path dir, PrintStream err, int[] counts)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (!ConstantPoolScan.mentionsWeft(bytes)) {
                continue;
            }
            WeaveResult result = pipeline.weave(bytes);
            result.messages().forEach(err::println);
            if (!result.errors().isEmpty()) {
                counts[1]++;
            }
            if (result.changed()) {
                Files.write(file, result.bytes()); // refused methods, if any, throw their reason
                counts[0]++;
            }
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
