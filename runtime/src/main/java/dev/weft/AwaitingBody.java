package dev.weft;

import dev.weft.internal.Body;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;

/**
 * The body of a task's root frame when the task's coroutine is not itself a woven frame (for
 * example {@code Weft.createTask(Weft.sleep(100))}): it awaits that coroutine and completes with
 * its value. A two-state machine written by hand, exactly as the weaver would write it.
 *
 * <p>Stateless and shared; each use runs on its task's loop thread.
 */
final class AwaitingBody implements Body {
    private static final int START = 0;
    private static final int RESUME = 1;

    Frame wrap(Coroutine<?> coroutine) {
        Frame frame = new Frame(new MethodInfo(this, String.valueOf(coroutine), 0, 1));
        Frame.saveR(coroutine, frame, 0);
        return frame;
    }

    @Override
    public Object resume(Frame frame) {
        if (frame.state == RESUME) {
            return frame.resumed();
        }
        // peekR, not getR: the slot keeps the coroutine for Task.getCoro().
        Object value = Frame.await(frame.peekR(0), frame);
        if (value == Frame.SUSPENDED) {
            frame.state = RESUME;
        }
        return value;
    }
}
