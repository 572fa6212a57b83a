package dev.weft.examples.sync;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.sync.Condition;
import dev.weft.sync.Held;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001 §1.7.3: five consumers wait on a condition ({@code untilNotified()}, asyncio's
 * {@code wait()}); {@code manipulateCondition} signals one of them, then two, then all the rest
 * ({@code signal(n)} and {@code signalAll()}, asyncio's {@code notify(n)} and
 * {@code notify_all()}), 100 ms apart. Each woken consumer resumes holding the lock, so they
 * report one after the other, in the order they began to wait.
 */
@SuppressWarnings("try") // a Held resource is there to be closed, not referenced
public final class ConditionNotify {
    private ConditionNotify() {
    }

    @Async
    static Coroutine<Void> consumer(Condition condition, int n) {
        try (Held held = Weft.await(condition.hold())) {
            System.out.println("consumer " + n + " is waiting");
            Weft.await(condition.untilNotified());
            System.out.println("consumer " + n + " triggered");
        }
        System.out.println("ending consumer " + n);
        return Weft.done();
    }

    @Async
    static Coroutine<Void> manipulateCondition(Condition condition) {
        System.out.println("starting manipulate_condition");

        // pause to let consumers start
        Weft.await(Weft.sleep(100));

        for (int i = 1; i < 3; i++) {
            try (Held held = Weft.await(condition.hold())) {
                System.out.println("notifying " + i + " consumers");
                condition.signal(i);
            }
            Weft.await(Weft.sleep(100));
        }

        try (Held held = Weft.await(condition.hold())) {
            System.out.println("notifying remaining consumers");
            condition.signalAll();
        }

        System.out.println("ending manipulate_condition");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        // Create a condition
        Condition condition = new Condition();

        // Set up tasks watching the condition
        List<Coroutine<Void>> consumers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            consumers.add(consumer(condition, i));
        }

        // Schedule a task to manipulate the condition variable
        loop.createTask(manipulateCondition(condition));

        // Wait for the consumers to be done
        Weft.await(Weft.wait(consumers));
        return Weft.done();
    }

    /** Runs the example on a new loop, as the seed runs it on {@code get_event_loop()}. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();
        try {
            loop.runUntilComplete(main(loop));
        } finally {
            loop.close();
        }
    }
}
