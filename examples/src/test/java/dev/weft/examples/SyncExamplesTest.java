package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.examples.sync.ConditionNotify;
import dev.weft.examples.sync.EventSetByCallback;
import dev.weft.examples.sync.LockReleasedByCallback;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the synchronisation examples of {@code dev.weft.examples.sync} (woven by the agent surefire
 * starts) and compares what each prints with what its Python seed program prints.
 *
 * <p>The expected outputs in {@code src/test/resources/expected/sync/NAME.txt} are the standard
 * output of {@code src/test/resources/seeds/sync/NAME.py}, produced with Python 3.11 in
 * {@code src/test/resources}:
 *
 * <pre>{@code
 * for f in seeds/sync/*.py; do python3 "$f" > "expected/sync/$(basename "$f" .py).txt"; done
 * }</pre>
 *
 * <p>Both sides go through {@link ExampleOutput#normalise}, though these outputs print nothing it
 * rewrites.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyncExamplesTest {
    private static final Map<String, Consumer<String[]>> EXAMPLES = Map.of(
            "LockReleasedByCallback", LockReleasedByCallback::main,
            "EventSetByCallback", EventSetByCallback::main,
            "ConditionNotify", ConditionNotify::main);

    static Stream<String> exampleNames() {
        return EXAMPLES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleNames")
    void main_syncExample_printsWhatItsPythonSeedPrints(String name) {
        assertNotNull(SyncExamplesTest.class.getResource("/seeds/sync/" + name + ".py"), name + ".py");

        ExampleOutput.assertPrintsWhatItsSeedPrints("sync/", name, EXAMPLES.get(name));
    }
}
