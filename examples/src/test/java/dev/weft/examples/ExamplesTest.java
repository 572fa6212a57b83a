package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
 * <p>Both outputs go through the same {@link ExampleOutput#normalise(String) normalisation}
 * before they are compared; every character it does not rewrite must be equal.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExamplesTest {

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

        ExampleOutput.assertPrintsWhatItsSeedPrints("", name, example.main());
    }

    @Test
    void main_noArguments_printsTheChainCoroutinesOutput() {
        String actual = ExampleOutput.printedBy(Main::main);

        assertEquals(ExampleOutput.resource("/expected/ChainCoroutines.txt"), actual,
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
                + " result='the result'>\n", ExampleOutput.normalise(python));
    }
}
