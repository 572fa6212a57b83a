package dev.weft.weave.samples;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.annotation.Async;

/**
 * {@code @Async} methods holding, across an await, a value whose type is a merge of two paths:
 * JDK classes, application classes, application interfaces and catch types. The weaver must
 * compute each merge from class files, without loading these classes.
 */
public class Merges {
    /** An application interface. */
    public interface Shape {
        String kind();
    }

    /** The common super class of {@link Left} and {@link Right}. */
    public static class Base {
    }

    /** See {@link Base}. */
    public static class Left extends Base implements Shape {
        @Override
        public String kind() {
            return "left";
        }
    }

    /** See {@link Base}. */
    public static class Right extends Base implements Shape {
        @Override
        public String kind() {
            return "right";
        }
    }

    /** Shares only the interface with {@link Left}. */
    public static class Other implements Shape {
        @Override
        public String kind() {
            return "other";
        }
    }

    /** The common super class of two exceptions caught together. */
    public static class AppError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** See {@link AppError}. */
    public static class NotFound extends AppError {
        private static final long serialVersionUID = 1L;
    }

    /** See {@link AppError}. */
    public static class Conflict extends AppError {
        private static final long serialVersionUID = 1L;
    }

    @Async
    public static Coroutine<String> numbers(boolean flag, Future<String> f) {
        Number n; // not a ternary: that would promote both operands to float
        if (flag) {
            n = Integer.valueOf(1);
        } else {
            n = Float.valueOf(2f);
        }
        String s = Weft.await(f);
        return Weft.done(s + n);
    }

    @Async
    public static Coroutine<String> classes(boolean flag, Future<String> f) {
        Base b = flag ? new Left() : new Right();
        String s = Weft.await(f);
        return Weft.done(s + b.getClass().getSimpleName());
    }

    @Async
    public static Coroutine<String> interfaces(boolean flag, Future<String> f) {
        Shape shape = flag ? new Left() : new Other();
        String s = Weft.await(f);
        return Weft.done(s + shape.kind());
    }

    @Async
    public static Coroutine<String> catches(boolean flag, Future<String> f) {
        AppError e;
        try {
            if (flag) {
                throw new NotFound();
            }
            throw new Conflict();
        } catch (NotFound | Conflict x) {
            e = x;
        }
        String s = Weft.await(f);
        return Weft.done(s + e.getClass().getSimpleName());
    }
}
