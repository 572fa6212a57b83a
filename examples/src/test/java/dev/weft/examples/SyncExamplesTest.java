package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.examples.sync.ConditionNotify;
import dev.weft.examples.sync.EventSetByCallback;
import dev.weft.examples.sync.LockReleasedByCallback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * <p>Both sides go through {@link ExamplesTest#normalise}, though these outputs print nothing it
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

        String actual = printedBy(EXAMPLES.get(name));

        assertEquals(ExamplesTest.normalise(resource("/expected/sync/" + name + ".txt")),
                ExamplesTest.normalise(actual),
                () -> name + " does not print what seeds/sync/" + name + ".py prints (after normalisation)");
    }

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
        try (InputStream in = SyncExamplesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
