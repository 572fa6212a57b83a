package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.Later;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/**
 * Values whose verifier type is a merge of two paths, live across a suspension: application
 * classes meeting at a common super class, classes meeting only at a shared interface, catch
 * types of application exceptions, arrays, and {@code null} meeting a class. The weaver computes
 * every merge from class files; the classes below are first loaded by the code that uses them.
 */
class MergesTest {
    interface Shape {
        String kind();
    }

    abstract static class Animal {
        abstract String sound();
    }

    static final class Dog extends Animal implements Shape {
        @Override
        String sound() {
            return "woof";
        }

        @Override
        public String kind() {
            return "dog";
        }
    }

    static final class Cat extends Animal {
        @Override
        String sound() {
            return "meow";
        }
    }

    static final class Square implements Shape, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String kind() {
            return "square";
        }
    }

    static class AppException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AppException(String m) {
            super(m);
        }
    }

    static final class NotFound extends AppException {
        private static final long serialVersionUID = 1L;

        NotFound(String m) {
            super(m);
        }
    }

    static final class Conflict extends AppException {
        private static final long serialVersionUID = 1L;

        Conflict(String m) {
            super(m);
        }
    }

    @Async
    static Coroutine<String> classesAndInterfaces(int which) {
        Animal animal = which == 0 ? new Dog() : new Cat();
        Shape shape = which == 0 ? new Dog() : new Square();
        Object[] array = which == 0 ? new String[] {"s"} : new Integer[] {1};
        Animal maybe = which == 0 ? null : new Cat();
        Weft.await(Later.value(0));
        return Weft.done(animal.sound() + " " + shape.kind() + " " + array[0] + " " + (maybe == null ? "-" : maybe.sound()));
    }

    @Async
    static Coroutine<String> catchTypes(int which) {
        AppException caught;
        try {
            if (which == 0) {
                throw new NotFound("nf");
            }
            throw new Conflict("c");
        } catch (NotFound | Conflict e) {
            caught = e;
        }
        String awaited = Weft.await(Later.value("/"));
        return Weft.done(caught.getClass().getSimpleName() + awaited + caught.getMessage());
    }

    @Async
    static Coroutine<String> mergeAtALoopHead(int n) {
        Shape current = new Square();
        for (int i = 0; i < n; i++) {
            current = Weft.await(Later.value(i % 2 == 0 ? (Shape) new Dog() : new Square()));
        }
        return Weft.done(current.kind());
    }

    @Test
    void applicationClassesAndInterfaces_mergedBeforeAnAwait_keepWorkingAfterIt() {
        assertEquals("woof dog s -", Weft.run(classesAndInterfaces(0)));
        assertEquals("meow square 1 meow", Weft.run(classesAndInterfaces(1)));
    }

    @Test
    void multiCatchOfApplicationExceptions_mergesToTheirCommonSuperclass() {
        assertEquals("NotFound/nf", Weft.run(catchTypes(0)));
        assertEquals("Conflict/c", Weft.run(catchTypes(1)));
    }

    @Test
    void interfaceTypedLocal_mergedAtALoopHeadAcrossAwaits() {
        assertEquals("dog", Weft.run(mergeAtALoopHead(3)));
        assertEquals("square", Weft.run(mergeAtALoopHead(2)));
        assertEquals("square", Weft.run(mergeAtALoopHead(0)));
    }
}
