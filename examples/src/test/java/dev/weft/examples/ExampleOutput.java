package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What an example prints, set against what its Python seed program printed: the harness the
 * example tests share. It runs an example with {@code System.out} captured, reads the expected
 * output from the test resources ({@code expected/...txt}, made from {@code seeds/...py}), and
 * {@link #normalise(String) normalises} both sides where Python and Java cannot print the same
 * characters.
 *
 * <p>Threading: {@code System.out} is process-wide, so a capture must not overlap another; the
 * example tests run one at a time (surefire's default). Null policy: no argument may be null.
 */
final class ExampleOutput {

    /**
     * The rewrites applied, in this order, to the expected and to the actual output alike. Each
     * exists because Python and Java cannot print the same characters there:
     *
     * <ol>
     *   <li>{@code coro=<...>} in a task repr, one nested {@code <...>} allowed, becomes
     *       {@code coro=<coro>}: Python names the Python function, its state and the absolute
     *       path and line of the {@code .py} file; Java names the Java method and source line;
     *   <li>{@code wait_for=<...>} in a Python task repr goes: it names the future a pending task
     *       waits on with CPython's callback names, which a weft task repr does not show;
     *   <li>{@code name='Task-N'} becomes {@code name='Task-<n>'}: default task names come from
     *       a counter shared by the whole process (in asyncio too), and the tests run all the
     *       examples in one JVM, in an order the Python runs did not share;
     *   <li>a decimal number {@code D.D} becomes {@code <time>}: {@code CallAt} prints clock
     *       readings that differ on every run, {@code queue/WorkerQueue} random sleep times;
     *   <li>{@code worker-N has} becomes {@code worker-<n> has}: which of
     *       {@code queue/WorkerQueue}'s workers finishes each random sleep differs on every run.
     * </ol>
     */
    private static final List<Map.Entry<Pattern, String>> NORMALISATIONS = List.of(
            Map.entry(Pattern.compile("coro=<(?:[^<>]|<[^<>]*>)*>"), "coro=<coro>"),
            Map.entry(Pattern.compile(" wait_for=<(?:[^<>]|<[^<>]*>)*>"), ""),
            Map.entry(Pattern.compile("name='Task-\\d+'"), "name='Task-<n>'"),
            Map.entry(Pattern.compile("\\d+\\.\\d+"), "<time>"),
            Map.entry(Pattern.compile("worker-\\d+ has"), "worker-<n> has"));

    private ExampleOutput() {
    }

    /**
     * Asserts that {@code main}, run with no arguments, prints what
     * {@code expected/DIR NAME.txt} holds (the output of {@code seeds/DIR NAME.py}), both sides
     * {@link #normalise(String) normalised}; every character normalisation leaves must be equal.
     *
     * @param dir the resource directory under {@code expected/} and {@code seeds/}, with its
     *     trailing slash ({@code "sync/"}), or {@code ""} for the top level
     */
    static void assertPrintsWhatItsSeedPrints(String dir, String name, Consumer<String[]> main) {
        String actual = printedBy(main);

        assertEquals(normalise(resource("/expected/" + dir + name + ".txt")), normalise(actual),
                () -> name + " does not print what seeds/" + dir + name + ".py prints"
                        + " (after normalisation)");
    }

    /**
     * Runs {@code main} with no arguments and returns what it printed to {@code System.out}; an
     * exception it throws propagates, once {@code System.out} is restored.
     */
    static String printedBy(Consumer<String[]> main) {
        return printedBy(() -> main.accept(new String[0]));
    }

    /** Runs {@code body} and returns what it printed to {@code System.out}; see above. */
    static String printedBy(Runnable body) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            body.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The UTF-8 text of the test resource at {@code path}, which must exist. */
    static String resource(String path) {
        try (InputStream in = ExampleOutput.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies {@link #NORMALISATIONS} to {@code output}. */
    static String normalise(String output) {
        String s = output;
        for (Map.Entry<Pattern, String> rewrite : NORMALISATIONS) {
            s = rewrite.getKey().matcher(s).replaceAll(rewrite.getValue());
        }
        return s;
    }
}
