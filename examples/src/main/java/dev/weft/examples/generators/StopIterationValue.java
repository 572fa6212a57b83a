package dev.weft.examples.generators;

import static dev.weft.examples.generators.Priming.primed;

import dev.weft.Generator;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004, section 3: the generator of {@link UncaughtStopIteration}, with the
 * {@link StopIteration} of the last {@code send} caught; the program prints the return value it
 * carries, {@link StopIteration#value()} (Python's {@code e.value}).
 */
public final class StopIterationValue {
    private StopIterationValue() {
    }

    @Async
    static Generator<Void, String> gen() {
        List<String> i = new ArrayList<>();
        for (;;) {
            String value = Weft.yield(null);
            if (value.equals("close")) {
                break;
            }
            i.add(value);
        }
        return Generator.returning(i);
    }

    /** Sends two strings and then {@code "close"}; prints the list the generator returned. */
    public static void main(String[] args) {
        Generator<Void, String> g = primed(gen());
        g.send("hello");
        g.send("123");
        try {
            g.send("close");
        } catch (StopIteration e) {
            System.out.println(Repr.list(e.<List<String>>value()));
        }
    }
}
