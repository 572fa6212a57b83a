package dev.weft.agent.samples;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/** A well-formed {@code @Async} class for the offline weaver's tests (compiled, not woven). */
public final class Greeter {
    private Greeter() {
    }

    @Async
    static Coroutine<String> greet(String name) {
        Weft.await(Weft.sleep(1)); // a real suspension through the loop
        return Weft.done("hello " + name);
    }

    /** Runs {@link #greet} on a fresh loop: works only once the class is woven. */
    public static String run(String name) {
        return Weft.run(greet(name));
    }
}
