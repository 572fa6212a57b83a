package dev.weft.examples.generators;

import static dev.weft.examples.generators.Priming.primed;

import dev.weft.Generator;
import dev.weft.GeneratorState;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 004, section 3: a generator primed by the decorator is suspended at its first yield,
 * which {@link Generator#state()} reports. The program prints the state under the name Python's
 * {@code inspect.getgeneratorstate} gives it ({@code GEN_SUSPENDED}).
 */
public final class PrimedState {
    private PrimedState() {
    }

    @Async
    static Generator<String, String> gen() {
        String i = "hyl";
        // Python leaves value unbound until the first send; Java wants it assigned. The two only
        // differ if a ValueError arrives first, which this program never throws in.
        String value = null;
        for (;;) {
            try {
                value = Weft.yield(i);
            } catch (IllegalArgumentException e) { // Python's ValueError
                System.out.println("over");
            }
            i = value;
        }
    }

    /** Python's name for a generator state: {@code GEN_CREATED}, ..., {@code GEN_CLOSED}. */
    public static String pythonName(GeneratorState state) {
        return "GEN_" + state.name();
    }

    /** Prints the state of a primed generator. */
    public static void main(String[] args) {
        Generator<String, String> g = primed(gen());
        System.out.println(pythonName(g.state()));
    }
}
