package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.examples.tasks.GatherFactorial;
import dev.weft.examples.tasks.StopLoopFromCallback;
import dev.weft.examples.tasks.StopLoopFromCoroutine;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the task examples of {@code dev.weft.examples.tasks} (woven by the agent surefire starts)
 * and compares what each prints with what its Python seed program prints.
 *
 * <p>The expected outputs in {@code src/test/resources/expected/tasks/NAME.txt} are the standard
 * output of {@code src/test/resources/seeds/tasks/NAME.py}, produced with Python 3.11 in
 * {@code src/test/resources}:
 *
 * <pre>{@code
 * for f in seeds/tasks/*.py; do python3 "$f" > "expected/tasks/$(basename "$f" .py).txt"; done
 * }</pre>
 *
 * <p>Both sides go through {@link ExampleOutput#normalise}: the only number that differs between
 * runs is the elapsed time {@code StopLoopFromCallback} prints.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TasksExamplesTest {
    private static final Map<String, Consumer<String[]>> EXAMPLES = Map.of(
            "GatherFactorial", GatherFactorial::main,
            "StopLoopFromCoroutine", StopLoopFromCoroutine::main,
            "StopLoopFromCallback", StopLoopFromCallback::main);

    static Stream<String> exampleNames() {
        return EXAMPLES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleNames")
    void main_taskExample_printsWhatItsPythonSeedPrints(String name) {
        assertNotNull(TasksExamplesTest.class.getResource("/seeds/tasks/" + name + ".py"), name + ".py");

        ExampleOutput.assertPrintsWhatItsSeedPrints("tasks/", name, EXAMPLES.get(name));
    }
}
