package dev.weft.examples.generators;

import static dev.weft.examples.generators.Priming.primed;

import dev.weft.Generator;
import dev.weft.StopIteration;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.examples.Repr;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004, section 5: {@code sortList()} collects the numbers it is sent until {@code "close"}
 * and returns them sorted; {@code parent()} delegates to it with {@code Weft.yieldFrom} and
 * returns that list, which ends the parent, so the last {@code send} throws
 * {@link StopIteration} carrying the sorted list. The program prints it.
 */
public final class SortListDelegation {
    private SortListDelegation() {
    }

    /** Sends Integers to collect, or the String {@code "close"} to end: Python's loose typing. */
    @Async
    static Generator<Void, Object> sortList() {
        List<Integer> res = new ArrayList<>();
        for (;;) {
            Object i = Weft.yield(null);
            if (!"close".equals(i)) {
                res.add((Integer) i);
            } else {
                break;
            }
        }
        res.sort(null);
        return Generator.returning(res);
    }

    @Async
    static Generator<Void, Object> parent() {
        for (;;) { // the seed's loop; it never comes round, since the body returns
            List<Integer> a = Weft.yieldFrom(sortList());
            return Generator.returning(a);
        }
    }

    static void run() {
        Generator<Void, Object> g = primed(parent());
        g.send(1);
        g.send(5);
        g.send(59);
        g.send(7);
        g.send("close"); // throws: parent() returns here
    }

    /** Sends four numbers and then {@code "close"}; prints the sorted list. */
    public static void main(String[] args) {
        try {
            run();
        } catch (StopIteration e) {
            System.out.println(Repr.list(e.<List<Integer>>value()));
        }
    }
}
