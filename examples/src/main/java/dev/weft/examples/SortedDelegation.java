package dev.weft.examples;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004: {@code sub_coro}/{@code dele_coro} — a delegating generator that sorts what is sent
 * to it through {@code Weft.yieldFrom} (PEP 380's {@code yield from}). The seed draws random
 * country codes; this program and its Python copy use three fixed lists.
 */
public final class SortedDelegation {
    private SortedDelegation() {
    }

    @Async
    static Generator<Void, String> subCoro() {
        List<String> l = new ArrayList<>();
        for (;;) {
            String value = Weft.yield(null);
            if (value.equals("CLOSE")) {
                break;
            }
            l.add(value);
        }
        l.sort(null);
        return Generator.returning(l);
    }

    @Async
    static Generator<Void, String> deleCoro() {
        for (;;) {
            List<String> l = Weft.yieldFrom(subCoro());
            System.out.println("排序后的列表: " + Repr.list(l));
            System.out.println("------------------");
        }
    }

    /** Sorts three lists of country codes through the delegating generator. */
    public static void main(String[] args) {
        List<List<String>> nest = List.of(List.of("NO", "BR", "JP"), List.of("FR", "CN", "DE"),
                List.of("US", "IN", "AU"));
        for (List<String> countries : nest) {
            System.out.println("国家代号列表: " + Repr.list(countries));
            Generator<Void, String> c = deleCoro();
            c.next(); // Python's @coroutine decorator primes it the same way
            for (String country : countries) {
                c.send(country);
            }
            c.send("CLOSE");
        }
    }
}
