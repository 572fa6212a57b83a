package dev.weft.examples.sync;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;
import dev.weft.sync.Held;
import dev.weft.sync.Lock;
import java.util.List;

/**
 * Seed 001 §1.7.1 (and seed 000's Lock example): main holds a lock, a callback releases it
 * 100 ms later, and two coroutines take it in turn: {@code coro1} with the try-with-resources
 * form of {@code async with lock:}, {@code coro2} with {@code acquire()} and a {@code finally}
 * that releases.
 */
@SuppressWarnings("try") // a Held resource is there to be closed, not referenced
public final class LockReleasedByCallback {
    private LockReleasedByCallback() {
    }

    static void unlock(Lock lock) {
        System.out.println("callback releasing lock");
        lock.release();
    }

    @Async
    static Coroutine<Void> coro1(Lock lock) {
        System.out.println("coro1 waiting for the lock");
        try (Held held = Weft.await(lock.hold())) {
            System.out.println("coro1 acquired lock");
        }
        System.out.println("coro1 released lock");
        return Weft.done();
    }

    @Async
    static Coroutine<Void> coro2(Lock lock) {
        System.out.println("coro2 waiting for the lock");
        Weft.await(lock.acquire());
        try {
            System.out.println("coro2 acquired lock");
        } finally {
            System.out.println("coro2 released lock");
            lock.release();
        }
        return Weft.done();
    }

    @Async
    static Coroutine<Void> main(EventLoop loop) {
        // Create and acquire a shared lock.
        Lock lock = new Lock();
        System.out.println("acquiring the lock before starting coroutines");
        Weft.await(lock.acquire());
        System.out.println("lock acquired: " + Repr.of(lock.locked()));

        // Schedule a callback to unlock the lock.
        loop.callLater(100, () -> unlock(lock));

        // Run the coroutines that want to use the lock.
        System.out.println("waiting for coroutines");
        Weft.await(Weft.wait(List.of(coro1(lock), coro2(lock))));
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
