package dev.weft.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH primary scores by the report's key, {@code Class.method[:param=value...]}, the same keys
 * {@link ResultsReport} uses, for code that needs only the scores (the charts).
 *
 * <p>Stateless; safe on any thread.
 */
final class JmhScores {
    private JmhScores() {
    }

    static Map<String, Double> of(Collection<RunResult> results) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            StringBuilder key = new StringBuilder(bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1));
            for (String p : r.getParams().getParamsKeys()) {
                key.append(':').append(p).append('=').append(r.getParams().getParam(p));
            }
            scores.put(key.toString(), r.getPrimaryResult().getScore());
        }
        return scores;
    }
}
