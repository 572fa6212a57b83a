package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the subprocess examples of {@code dev.weft.examples.process} (woven by the agent surefire
 * starts) and compares what each prints with what its Python seed program prints.
 *
 * <p>The expected outputs in {@code src/test/resources/expected/process/NAME.txt} are the
 * standard output of {@code src/test/resources/seeds/process/NAME.py} (seed 003's programs,
 * verbatim), produced on Linux with CPython 3.13 in {@code src/test/resources}:
 *
 * <pre>{@code
 * for f in seeds/process/*.py; do python3.13 "$f" > "expected/process/$(basename "$f" .py).txt"; done
 * }</pre>
 *
 * <p>{@code RunShell}'s text is GNU {@code ls}'s message, so the comparison holds where the tests
 * run (Linux CI). {@code GetDate} prints the time, so its line is compared by format and checked
 * to be now. Elsewhere than on a POSIX system the tests are skipped with a message.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessExamplesTest {
    private static final Pattern DATE_LINE = Pattern.compile(
            "Current date: (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6})\\R");

    @BeforeEach
    void posix() {
        assumeTrue(!System.getProperty("os.name", "").startsWith("Windows")
                && Files.isExecutable(Path.of("/bin/sh")),
                "skipped: the subprocess examples need a POSIX system with /bin/sh, ls and date");
    }

    static Stream<String> comparedExamples() {
        return Stream.of("RunShell", "RunDevNull");
    }

    private static Main.Example example(String name) {
        return Main.PROCESS_EXAMPLES.stream()
                .filter(e -> e.name().equals("process/" + name))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparedExamples")
    void main_example_printsWhatItsPythonSeedPrints(String name) {
        ExampleOutput.assertPrintsWhatItsSeedPrints("process/", name, example(name).main());
    }

    @Test
    void getDate_printsTheDateTheChildPrinted_inTheSeedsFormat_andItIsNow() {
        String expected = ExampleOutput.resource("/expected/process/GetDate.txt");
        assertTrue(DATE_LINE.matcher(expected).matches(), "the seed's output: " + expected);

        String actual = ExampleOutput.printedBy(example("GetDate").main());

        Matcher m = DATE_LINE.matcher(actual);
        assertTrue(m.matches(), "GetDate printed: " + actual);
        LocalDateTime printed = LocalDateTime.parse(m.group(1),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        Duration off = Duration.between(printed, LocalDateTime.now()).abs();
        assertTrue(off.compareTo(Duration.ofMinutes(1)) < 0, "the date is " + off + " off");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allNames")
    void resources_example_holdItsSeedProgramAndExpectedOutput(String name) {
        assertNotNull(getClass().getResource("/seeds/process/" + name + ".py"), name + ".py");
        assertNotNull(getClass().getResource("/expected/process/" + name + ".txt"), name + ".txt");
    }

    static Stream<String> allNames() {
        return Main.PROCESS_EXAMPLES.stream().map(e -> e.name().substring("process/".length()));
    }

    @Test
    void main_listsTheProcessExamples() {
        String list = ExampleOutput.printedBy(() -> Main.main(new String[] {"--list"}));

        assertEquals(3, list.lines().filter(l -> l.startsWith("process/")).count(), list);
    }
}
