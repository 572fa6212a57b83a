package dev.weft.examples;

import static dev.weft.examples.ExampleOutput.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.GeneratorState;
import dev.weft.StopIteration;
import dev.weft.examples.generators.AccumulatorWithoutDelegation;
import dev.weft.examples.generators.ComputePrintSum;
import dev.weft.examples.generators.PrimedState;
import dev.weft.examples.generators.SortListDelegation;
import dev.weft.examples.generators.StopIterationValue;
import dev.weft.examples.generators.SumThroughDelegation;
import dev.weft.examples.generators.SumWithoutDelegation;
import dev.weft.examples.generators.UncaughtStopIteration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the generator examples of {@code dev.weft.examples.generators} and compares what they
 * print with what their Python programs print, under
 * {@code src/test/resources/seeds/generators/NAME.py}. The expected files
 * {@code expected/generators/NAME.txt} are those programs' standard output under Python 3.11,
 * made in {@code src/test/resources} with
 *
 * <pre>{@code
 * for f in seeds/generators/*.py; do
 *   n=$(basename "$f" .py); python3 "$f" > "expected/generators/$n.txt" 2> "/tmp/$n.err"
 * done
 * }</pre>
 *
 * <p>and, for the two programs that end with an uncaught {@code StopIteration}, the last line of
 * that traceback ({@code /tmp/NAME.err}) saved as {@code expected/generators/NAME.uncaught.txt}.
 *
 * <p>Unlike {@link ExamplesTest}, this test compares without normalisation: generator programs
 * print no clock readings and no task reprs, and {@link ExampleOutput#normalise(String)}'s rewrite
 * of every {@code D.D} would hide a wrong float. For that reason the generator examples of
 * {@code dev.weft.examples} itself (whose expected files are {@code expected/NAME.txt}) are
 * compared here exactly, too.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GeneratorExamplesTest {

    /** The examples of the generators package that finish normally, by file name. */
    private static final Map<String, Consumer<String[]>> FINISHING = Map.of(
            "PrimedState", PrimedState::main,
            "StopIterationValue", StopIterationValue::main,
            "AccumulatorWithoutDelegation", AccumulatorWithoutDelegation::main,
            "SortListDelegation", SortListDelegation::main,
            "SumThroughDelegation", SumThroughDelegation::main,
            "ComputePrintSum", ComputePrintSum::main);

    /** The examples that end, as their Python programs do, with an uncaught StopIteration. */
    private static final Map<String, Consumer<String[]>> UNCAUGHT = Map.of(
            "UncaughtStopIteration", UncaughtStopIteration::main,
            "SumWithoutDelegation", SumWithoutDelegation::main);

    /** The generator examples of {@code dev.weft.examples}, listed in {@link Main#EXAMPLES}. */
    private static final List<String> TOP_LEVEL = List.of("Fibonacci", "GrepCoroutine",
            "SortedDelegation", "AccumulatorDelegation", "AveragerProxies", "YieldFromIterables");

    static Stream<String> finishing() {
        return FINISHING.keySet().stream().sorted();
    }

    static Stream<String> uncaught() {
        return UNCAUGHT.keySet().stream().sorted();
    }

    static Stream<String> topLevel() {
        return TOP_LEVEL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finishing")
    void main_finishingExample_printsExactlyWhatItsPythonProgramPrints(String name) {
        Run run = Run.of(FINISHING.get(name));

        assertNull(run.thrown(), () -> name + " threw " + run.thrown());
        assertEquals(resource("/expected/generators/" + name + ".txt"), run.printed(),
                () -> name + " does not print what seeds/generators/" + name + ".py prints");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uncaught")
    void main_uncaughtExample_printsWhatPythonPrintsThenThrowsItsStopIteration(String name) {
        Run run = Run.of(UNCAUGHT.get(name));

        assertEquals(resource("/expected/generators/" + name + ".txt"), run.printed(),
                () -> name + " does not print what seeds/generators/" + name + ".py prints");
        StopIteration stop = assertInstanceOf(StopIteration.class, run.thrown(),
                () -> name + " must end with the StopIteration its Python program ends with");
        assertEquals(resource("/expected/generators/" + name + ".uncaught.txt").strip(),
                "StopIteration: " + pythonStr(stop.value()),
                () -> name + " ends with a StopIteration carrying another value than Python's");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topLevel")
    void main_topLevelGeneratorExample_printsExactlyWhatItsPythonProgramPrints(String name) {
        Main.Example example = Main.EXAMPLES.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in Main.EXAMPLES"));

        Run run = Run.of(example.main());

        assertNull(run.thrown(), () -> name + " threw " + run.thrown());
        assertEquals(resource("/expected/" + name + ".txt"), run.printed(),
                () -> name + " does not print what seeds/" + name + ".py prints");
    }

    @Test
    void examples_mainListsTheFinishingGeneratorExamples_underTheirResourceDirectory() {
        List<String> listed = Main.EXAMPLES.stream()
                .map(Main.Example::name)
                .filter(n -> n.startsWith("generators/"))
                .sorted()
                .collect(Collectors.toList());

        assertEquals(finishing().map(n -> "generators/" + n).collect(Collectors.toList()), listed,
                "Main.EXAMPLES must list every example of the generators package that finishes"
                        + " normally (ExamplesTest runs them all), and no other");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uncaught")
    void resources_uncaughtExample_holdItsPythonProgram(String name) {
        assertNotNull(GeneratorExamplesTest.class.getResource("/seeds/generators/" + name + ".py"),
                name + ".py");
    }

    @Test
    void pythonName_everyState_isTheNameInspectGivesIt() {
        List<String> names = Arrays.stream(GeneratorState.values())
                .map(PrimedState::pythonName)
                .collect(Collectors.toList());

        assertEquals(List.of("GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED"), names);
    }

    /** Python's {@code str()} of the values the examples' generators return. */
    private static String pythonStr(Object value) {
        return value instanceof List<?> list ? Repr.list(list) : Repr.of(value);
    }

    /**
     * What an example's {@code main} printed to {@code System.out}, and the exception it threw
     * (null if it finished normally).
     */
    private record Run(String printed, RuntimeException thrown) {

        static Run of(Consumer<String[]> main) {
            RuntimeException[] thrown = {null};
            String printed = ExampleOutput.printedBy(() -> {
                try {
                    main.accept(new String[0]);
                } catch (RuntimeException e) {
                    thrown[0] = e; // still captured: an uncaught example ends here, as in Python
                }
            });
            return new Run(printed, thrown[0]);
        }
    }
}
