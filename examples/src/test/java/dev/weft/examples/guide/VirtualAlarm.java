package dev.weft.examples.guide;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.VirtualTime;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.time.Duration;

/** docs/testing.md's virtual time without JUnit: an hour of timers in microseconds. */
public final class VirtualAlarm {
    private VirtualAlarm() {
    }

    @Async
    static Coroutine<String> alarm(Duration after) {
        Weft.await(Weft.sleep(after));
        return Weft.done("ring");
    }

    @Async
    static Coroutine<Void> anHourLater() {
        Task<String> alarm = Weft.createTask(alarm(Duration.ofHours(1)));
        Weft.await(VirtualTime.advanceBy(Duration.ofMinutes(59)));
        System.out.println("after 59 minutes: done=" + alarm.done() + ", time " + Weft.loop().time() + " s");
        String sound = Weft.await(alarm);                   // idle: the clock jumps to the timer
        System.out.println(sound + " at " + Weft.loop().time() + " s");
        return Weft.done();
    }

    /** Runs the hour; takes no arguments. */
    public static void main(String[] args) {
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            loop.runUntilComplete(anHourLater());
        } finally {
            loop.close();
        }
    }
}
