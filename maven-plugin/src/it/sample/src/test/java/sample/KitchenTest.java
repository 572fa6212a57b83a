package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs woven main classes and an @Async method of the test class itself, without the agent. */
class KitchenTest {
    @Async
    static Coroutine<Integer> countServed(List<String> dishes) {
        List<String> served = Weft.await(Kitchen.cook(dishes));
        Weft.await(Weft.sleep(1));
        return Weft.done(served.size());
    }

    @Test
    void cook_servesEveryDishInTheOrderAsked() {
        assertEquals(List.of("a ready", "b ready"), Weft.run(Kitchen.cook(List.of("a", "b"))));
    }

    @Test
    void asyncMethodOfATestClass_isWovenToo() {
        assertEquals(3, Weft.run(countServed(List.of("a", "b", "c"))));
    }
}
