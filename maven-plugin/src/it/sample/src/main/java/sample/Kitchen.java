package sample;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;

/** Cooks dishes concurrently on one event loop: each dish really waits on a timer. */
public final class Kitchen {
    private Kitchen() {
    }

    @Async
    static Coroutine<String> prepare(String dish, long millis) {
        Weft.await(Weft.sleep(millis));
        return Weft.done(dish + " ready");
    }

    /** All dishes at once; the results in the order asked for. */
    @Async
    public static Coroutine<List<String>> cook(List<String> dishes) {
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < dishes.size(); i++) {
            tasks.add(Weft.createTask(prepare(dishes.get(i), 5L * (dishes.size() - i))));
        }
        List<String> served = new ArrayList<>();
        for (Task<String> task : tasks) {
            served.add(Weft.await(task));
        }
        return Weft.done(served);
    }
}
