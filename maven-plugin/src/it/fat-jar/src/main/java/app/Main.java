package app;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Duration;
import java.util.List;

/** Greets three names concurrently on one loop; gather gives the greetings in argument order. */
public final class Main {
    private Main() {
    }

    @Async
    static Coroutine<String> greet(String name, long millis) {
        Weft.await(Weft.sleep(Duration.ofMillis(millis)));
        return Weft.done("hello " + name);
    }

    @Async
    static Coroutine<List<String>> all() {
        return Weft.done(Weft.await(Weft.gather(greet("ada", 30), greet("bob", 10), greet("cy", 20))));
    }

    public static void main(String[] args) {
        Weft.run(all()).forEach(System.out::println);
    }
}
