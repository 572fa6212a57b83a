package dev.weft.examples;

import dev.weft.Generator;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004: {@code avg()} averages the scores sent to it until it is sent null (Python's
 * {@code None}); {@code proxies()} stores each average in a map through {@code Weft.yieldFrom}.
 */
public final class AveragerProxies {
    private AveragerProxies() {
    }

    @Async
    static Generator<Void, Integer> avg() {
        int tot = 0;
        int count = 0;
        for (;;) {
            Integer a = Weft.yield(null);
            if (a != null) {
                tot += a;
                count++;
            } else {
                return Generator.returning((double) tot / count);
            }
        }
    }

    @Async
    static Generator<Void, Integer> proxies(Map<String, Double> aDict, String key) {
        for (;;) {
            Double average = Weft.yieldFrom(avg());
            aDict.put(key, average);
        }
    }

    /** Averages two people's scores. */
    public static void main(String[] args) {
        Map<String, List<Integer>> data = new LinkedHashMap<>();
        data.put("hyl", List.of(95, 96, 97));
        data.put("dsz", List.of(88, 90));
        Map<String, Double> res = new LinkedHashMap<>();
        data.forEach((person, scores) -> {
            Generator<Void, Integer> gen = proxies(res, person);
            gen.next();
            for (int each : scores) {
                gen.send(each);
            }
            gen.send(null);
        });
        System.out.println(Repr.dict(res));
    }
}
