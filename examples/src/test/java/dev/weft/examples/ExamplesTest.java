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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example in this JVM (woven by the agent that surefire starts) and compares what it
 * prints with what its Python seed program prints.
 *
 * <p>The expected outputs in {@code src/test/resources/expected/NAME.txt} are the standard output
 * of the Python programs in {@code src/test/resources/seeds/NAME.py} (the seed's programs,
 * verbatim but for a documented shim in {@code ChainGenerators.py}), produced with Python 3.11 by
 * running, in {@code src/test/resources}:
 *
 * <pre>{@code
 * for f in seeds/*.py; do python3 "$f" > "expected/$(basename "$f" .py).txt"; done
 * }</pre>
 *
 * <p>Both outputs go through the same {@link #normalise(String) normalisation} before they are
 * compared; every character it does not rewrite must be equal.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExamplesTest {

    /**
     * The rewrites applied, in this order, to the expected and to the actual output alike. Each
     * exists because Python and Java cannot print the same characters there:
     *
     * <ol>
     *   <li>{@code coro=<...>} in a task repr, one nested {@code <...>} allowed, becomes
     *       {@code coro=<coro>}: Python names the Python function, its state and the absolute
     *       path and line of the {@code .py} file; Java names the Java method and source line;
     *   <li>{@code name='Task-N'} becomes {@code name='Task-<n>'}: default task names come from
     *       a counter shared by the whole process (in asyncio too), and this test runs all the
     *       examples in one JVM, in an order the Python runs did not share;
     *   <li>a decimal number {@code D.D} becomes {@code <time>}: {@code CallAt} prints clock
     *       readings that differ on every run, {@code queue/WorkerQueue} random sleep times;
     *   <li>{@code worker-N has} becomes {@code worker-<n> has}: which of
     *       {@code queue/WorkerQueue}'s workers finishes each random sleep differs on every run.
     * </ol>
     */
    private static final List<Map.Entry<Pattern, String>> NORMALISATIONS = List.of(
            Map.entry(Pattern.compile("coro=<(?:[^<>]|<[^<>]*>)*>"), "coro=<coro>"),
            Map.entry(Pattern.compile("name='Task-\\d+'"), "name='Task-<n>'"),
            Map.entry(Pattern.compile("\\d+\\.\\d+"), "<time>"),
            Map.entry(Pattern.compile("worker-\\d+ has"), "worker-<n> has"));

    static Stream<String> exampleNames() {
        return Main.EXAMPLES.stream().map(Main.Example::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleNames")
    void main_example_printsWhatItsPythonSeedPrints(String name) {
        Main.Example example = Main.EXAMPLES.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();

        String actual = printedBy(example.main());

        assertEquals(normalise(resource("/expected/" + name + ".txt")), normalise(actual),
                () -> name + " does not print what seeds/" + name + ".py prints"
                        + " (after normalisation)");
    }

    @Test
    void main_noArguments_printsTheChainCoroutinesOutput() {
        String actual = printedBy(Main::main);

        assertEquals(resource("/expected/ChainCoroutines.txt"), actual,
                "Main with no arguments must run ChainCoroutines");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleNames")
    void resources_example_holdItsSeedProgramAndExpectedOutput(String name) {
        assertNotNull(ExamplesTest.class.getResource("/seeds/" + name + ".py"), name + ".py");
        assertNotNull(ExamplesTest.class.getResource("/expected/" + name + ".txt"), name + ".txt");
    }

    @Test
    void normalise_pythonTaskRepr_keepsEverythingButCoroAndNumber() {
        String python = "task completed <Task finished name='Task-2' coro=<task_func() done,"
                + " defined at /tmp/CreateTask.py:3> result='the result'>\n";

        assertEquals("task completed <Task finished name='Task-<n>' coro=<coro>"
                + " result='the result'>\n", normalise(python));
    }

    /** Applies {@link #NORMALISATIONS} to {@code output}. */
    static String normalise(String output) {
        String s = output;
        for (Map.Entry<Pattern, String> rewrite : NORMALISATIONS) {
            s = rewrite.getKey().matcher(s).replaceAll(rewrite.getValue());
        }
        return s;
    }

    /** Runs {@code main} with no arguments and returns what it printed to {@code System.out}. */
    private static String printedBy(Consumer<String[]> main) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.accept(new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String resource(String path) {
        try (InputStream in = ExamplesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
