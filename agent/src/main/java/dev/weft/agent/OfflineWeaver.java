package dev.weft.agent;

import dev.weft.weave.WeavePipeline;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline weaver command: weaves compiled classes in place, ahead of time, so that they run
 * without the agent:
 *
 * <pre>{@code java -jar weft-agent.jar weave [--classpath CP]... [--verbose] DIR...}</pre>
 *
 * <p>Every class file under each {@code DIR} is woven in place with the verify pass on. The
 * class path ({@code CP}, entries separated by {@link File#pathSeparator}) is what the classes
 * were compiled against, minus the JDK; the weaver reads class files from it to compute
 * stack-map frames, and adds the {@code DIR}s themselves. Prints one summary line on standard
 * output; each problem goes to standard error as one line naming
 * {@code Class.method(File.java:line)} or the class file. This console output is the command's
 * interface, not logging (see {@link Console}): it does not depend on the JVM's logging setup.
 *
 * <p>Exit status: 0 when every class was woven or needed nothing; 1 when some class could not
 * be woven or some class file could not be read (the others are still woven); 2 on bad
 * arguments (nothing is woven). A class path entry that cannot be opened gives a warning, not
 * an error.
 *
 * <p>Threading: a command-line tool; runs on the calling thread.
 */
public final class OfflineWeaver {
    static final String USAGE = "usage: java -jar weft-agent.jar weave [--classpath CP]... [--verbose] DIR...";

    /** The parsed command line. */
    private record Arguments(List<Path> dirs, List<Path> classPath, boolean verbose) {
    }

    /** A command line that cannot be run; its message says why. */
    private static final class BadArguments extends Exception {
        private static final long serialVersionUID = 1L;

        BadArguments(String message) {
            super(message);
        }
    }

    private OfflineWeaver() {
    }

    /** The command-line entry point; exits with the status {@link #run} returns. */
    public static void main(String[] args) {
        System.exit(run(args, Console.system()));
    }

    /** Runs the command in {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new Console(out, err));
    }

    private static int run(String[] args, Console console) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            console.result(USAGE);
            return 0;
        }
        Arguments a;
        try {
            a = parse(args);
        } catch (BadArguments e) {
            console.problem("weft: " + e.getMessage());
            console.problem(USAGE);
            return 2;
        }
        return weave(a, console);
    }

    private static Arguments parse(String[] args) throws BadArguments {
        if (args.length == 0 || !args[0].equals("weave")) {
            throw new BadArguments(args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
        }
        List<Path> dirs = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        boolean verbose = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--classpath") || arg.equals("-cp")) {
                if (++i == args.length) {
                    throw new BadArguments(arg + " needs a class path after it");
                }
                for (String entry : args[i].split(File.pathSeparator)) {
                    if (!entry.isEmpty()) {
                        classPath.add(path(entry));
                    }
                }
            } else if (arg.equals("--verbose")) {
                verbose = true;
            } else if (arg.startsWith("-")) {
                throw new BadArguments("unknown option '" + arg + "'");
            } else if (!Files.isDirectory(path(arg))) {
                throw new BadArguments("'" + arg + "' is not a directory of class files");
            } else {
                dirs.add(path(arg));
            }
        }
        if (dirs.isEmpty()) {
            throw new BadArguments("no classes directory given");
        }
        return new Arguments(dirs, classPath, verbose);
    }

    private static int weave(Arguments a, Console console) {
        long start = System.nanoTime();
        List<Path> entries = new ArrayList<>(a.dirs());
        entries.addAll(a.classPath());
        WeaveSummary total = WeaveSummary.empty();
        try (WeaveClassPath classPath = WeaveClassPath.open(entries)) {
            classPath.warnings().forEach(console::problem);
            ClassTreeWeaver weaver = new ClassTreeWeaver(new WeavePipeline(classPath.loader(), true), classPath);
            for (Path dir : a.dirs()) {
                total = total.plus(weaver.weave(dir, WeaveStamp.none()));
            }
        } catch (IOException e) {
            total = total.plus(new WeaveSummary(0, 0, List.of(), List.of("weft: cannot weave: " + e)));
        }
        total.errors().forEach(console::problem);
        if (a.verbose()) {
            total.woven().forEach(c -> console.result("weft: woven " + c));
        }
        console.result(total.line((System.nanoTime() - start) / 1_000_000));
        return total.ok() ? 0 : 1;
    }

    private static Path path(String s) throws BadArguments {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new BadArguments("bad path '" + s + "': " + e.getReason());
        }
    }
}
