package dev.weft.bench;

import dev.weft.weave.WeavePipeline;
import dev.weft.weave.WeaveResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how long does the weaver take for one class with {@code @Async} methods, the work the
 * agent does when such a class loads (the design's start-up goal: median under 1 ms)? The class
 * ({@link #SOURCE}) is compiled by javac at setup, so it is what a user's class looks like, not
 * a hand-made class file: a coroutine that awaits in a loop inside try/finally, one that awaits
 * inside a constructor's arguments, a generator and a plain method.
 *
 * <p>{@link #weaveOneAsyncClass} reuses one {@link WeavePipeline}, as the agent does for every
 * class of a loader (its hierarchy cache warm); {@link #weaveOneAsyncClassNewPipeline} makes a
 * new one per class, the first class of a loader. Both verify the output, as the agent does by
 * default ({@code weft.verify=true}). Sample mode, so the report has the median ({@code p0.50})
 * beside the mean. Classes without {@code @Async} never reach the weaver:
 * {@link #passOverClassWithoutAsync} is what the agent spends on each of them (in nanoseconds),
 * and {@link StartupProbe} measures what that adds to loading 10,000 of them in a fresh JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class WeaveBench {
    /** The class woven by every benchmark here. */
    static final String SOURCE = String.join("\n",
            "package gen.weave;",
            "import dev.weft.Coroutine;",
            "import dev.weft.Future;",
            "import dev.weft.Generator;",
            "import dev.weft.Weft;",
            "import dev.weft.annotation.Async;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "public class Orders {",
            "    private final List<String> log = new ArrayList<>();",
            "    @Async",
            "    public Coroutine<Integer> total(List<Future<Integer>> prices, String customer) {",
            "        int sum = 0;",
            "        long started = System.nanoTime();",
            "        try {",
            "            for (Future<Integer> p : prices) {",
            "                int price = Weft.await(p);",
            "                if (price < 0) {",
            "                    throw new IllegalArgumentException(customer + \": negative price \" + price);",
            "                }",
            "                sum += price;",
            "            }",
            "        } finally {",
            "            log.add(customer + \" took \" + (System.nanoTime() - started));",
            "        }",
            "        return Weft.done(sum);",
            "    }",
            "    @Async",
            "    static Coroutine<StringBuilder> label(Future<String> name, double factor) {",
            "        StringBuilder b = new StringBuilder(Weft.await(name));",
            "        Weft.await(Weft.sleep(1));",
            "        return Weft.done(b.append(factor * 2));",
            "    }",
            "    @Async",
            "    static Generator<Integer, Void> range(int from, int to) {",
            "        for (int i = from; i < to; i++) {",
            "            Weft.yield(i);",
            "        }",
            "        return null;",
            "    }",
            "    public int size() {",
            "        return log.size();",
            "    }",
            "}");

    /** How many different plain classes {@link #passOverClassWithoutAsync} cycles through. */
    static final int PLAIN = 1024;

    private byte[] classFile;
    private WeavePipeline shared;
    private ClassFileTransformer agentTransformer;
    private byte[][] plainClasses;
    private int next;

    /** Compiles {@link #SOURCE} and checks that the weaver weaves it without errors. */
    @Setup
    public void compile() throws IOException {
        classFile = javac(SOURCE, "gen.weave.Orders");
        shared = new WeavePipeline(WeaveBench.class.getClassLoader(), true);
        WeaveResult r = shared.weave(classFile);
        if (!r.changed() || !r.errors().isEmpty()) {
            throw new IllegalStateException("the benchmark class was not woven cleanly: " + r.messages());
        }
        plainClasses = new byte[PLAIN][];
        for (int i = 0; i < PLAIN; i++) {
            plainClasses[i] = PlainClassJar.classFile(i);
        }
        agentTransformer = agentTransformer();
    }

    /**
     * The agent's whole per-class work for a class without {@code @Async}: its transformer's
     * {@code transform}, which passes the class over after a constant-pool scan and answers
     * null. One of {@link #PLAIN} different class files each time (those {@link StartupProbe}
     * loads), so no two calls in a row read the same bytes.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte[] passOverClassWithoutAsync() throws IllegalClassFormatException {
        int i = next++ & (PLAIN - 1);
        return agentTransformer.transform(null, PlainClassJar.PACKAGE + "C" + i, null, null, plainClasses[i]);
    }

    /** Weaves the class with the pipeline the agent keeps for its loader. */
    @Benchmark
    public byte[] weaveOneAsyncClass() {
        return shared.weave(classFile).bytes();
    }

    /** Weaves the class with a new pipeline: the first {@code @Async} class of a loader. */
    @Benchmark
    public byte[] weaveOneAsyncClassNewPipeline() {
        return new WeavePipeline(WeaveBench.class.getClassLoader(), true).weave(classFile).bytes();
    }

    /**
     * The transformer the agent installs, made as {@code WeftAgent} makes it (verify on, debug
     * off); it is package-private to the agent, so it is reached by reflection once here.
     */
    static ClassFileTransformer agentTransformer() {
        try {
            Constructor<?> make = Class.forName("dev.weft.agent.WeavingTransformer")
                    .getDeclaredConstructor(boolean.class, boolean.class);
            make.setAccessible(true);
            return (ClassFileTransformer) make.newInstance(true, false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the agent's transformer moved: update WeaveBench", e);
        }
    }

    /** Compiles one source file with this JVM's class path; answers the class file of {@code className}. */
    static byte[] javac(String source, String className) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("WeaveBench needs a JDK (javax.tools), not a JRE");
        }
        Path dir = Files.createTempDirectory("weft-weave-bench");
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Path src = dir.resolve(simple + ".java");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, null,
                    List.of("-g", "--release", "17", "-proc:none", "-d", dir.toString(),
                            "-cp", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(src)).call();
            if (!ok) {
                throw new IllegalStateException("javac failed on the benchmark class");
            }
        }
        Path out = dir.resolve(className.replace('.', '/') + ".class");
        try {
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException("javac wrote no " + out, e);
        }
    }
}
