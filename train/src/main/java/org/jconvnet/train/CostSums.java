package org.jconvnet.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cost-layer values summed over cases, as cuda-convnet accumulates them: per cost layer, each
 * output row (for {@code cost.logreg}: negative log-probability, error) summed over the cases of
 * one or more minibatches, and the number of cases.
 */
public final class CostSums {
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private long cases;

    /** Adds one minibatch's per-layer row sums. */
    public void add(Map<String, double[]> minibatch, int n) {
        for (Map.Entry<String, double[]> e : minibatch.entrySet()) {
            double[] acc = sums.computeIfAbsent(e.getKey(), k -> new double[e.getValue().length]);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += e.getValue()[i];
            }
        }
        cases += n;
    }

    /** Adds another accumulation. */
    public void add(CostSums other) {
        add(other.sums, (int) other.cases);
    }

    /** Number of cases summed. */
    public long cases() {
        return cases;
    }

    /** Per cost layer, the per-case averages (cuda-convnet's printed values). */
    public Map<String, List<Double>> means() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            List<Double> l = new ArrayList<>();
            for (double v : e.getValue()) {
                l.add(cases == 0 ? Double.NaN : v / cases);
            }
            out.put(e.getKey(), l);
        }
        return out;
    }

    /** The per-case average of row {@code row} of {@code layer}, or NaN. */
    public double mean(String layer, int row) {
        double[] s = sums.get(layer);
        return s == null || row >= s.length || cases == 0 ? Double.NaN : s[row] / cases;
    }

    /** cuda-convnet's format, e.g. {@code logprob:  2.302585, 0.900000}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Double>> e : means().entrySet()) {
            if (sb.length() > 0) {
                sb.append("  ");
            }
            sb.append(e.getKey()).append(": ");
            for (int i = 0; i < e.getValue().size(); i++) {
                sb.append(i == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%.6f", e.getValue().get(i)));
            }
        }
        return sb.toString();
    }
}
