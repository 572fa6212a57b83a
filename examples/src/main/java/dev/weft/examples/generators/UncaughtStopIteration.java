package dev.weft.examples.generators;

import static dev.weft.examples.generators.Priming.primed;

import dev.weft.Generator;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004, section 3: a generator that collects what it is sent and returns the list when it is
 * sent {@code "close"}. That return ends the generator, so the last {@code send} throws
 * {@link StopIteration} carrying the list; nothing catches it, and the program ends with it, as
 * the Python program ends with a traceback. It prints nothing. {@link StopIterationValue} is the
 * same program with the exception caught.
 */
public final class UncaughtStopIteration {
    private UncaughtStopIteration() {
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

    /**
     * Sends two strings and then {@code "close"}.
     *
     * @throws StopIteration always, from the last send, carrying {@code [hello, 123]}
     */
    public static void main(String[] args) {
        Generator<Void, String> g = primed(gen());
        g.send("hello");
        g.send("123");
        g.send("close");
    }
}
