package dev.weft.examples;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * Seed 000: a {@code grep} coroutine that consumes lines sent to it with {@code send()} and is
 * finally closed. {@code next()} starts it, as in Python.
 */
public final class GrepCoroutine {
    private GrepCoroutine() {
    }

    @Async
    static Generator<Void, String> grep(String pattern) {
        System.out.println("Searching for " + pattern);
        for (;;) {
            String line = Weft.yield(null);
            if (line.contains(pattern)) {
                System.out.println(line);
            }
        }
    }

    /** Feeds three lines to a grep for "coroutine". */
    public static void main(String[] args) {
        Generator<Void, String> search = grep("coroutine");
        search.next();
        search.send("I love you");
        search.send("Don't you love me?");
        search.send("I love coroutines instead!");
        search.close();
    }
}
