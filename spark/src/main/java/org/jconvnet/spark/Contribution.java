package org.jconvnet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workers of a round send back, summed over the workers by the pairwise tree:
 * <ul>
 *   <li>synchronous steps: {@code values} are the parameter gradients summed over the cases
 *       (the sum over workers of each one's sum over its shard);</li>
 *   <li>local steps: {@code values} are the final weights and {@code momentum} the final momentum,
 *       each multiplied by the worker's share of the round's cases, so that the sum is the
 *       case-weighted average.</li>
 * </ul>
 * With them the cost sums of each minibatch (per cost layer, summed over its cases) and the cases
 * of each minibatch, and the first divergence any worker met (by worker index, so the message does
 * not depend on which task finished first).
 *
 * @param values       gradient sums, or share-weighted weights; null when the workers had no cases
 * @param momentum     share-weighted momentum for local steps, else null
 * @param costs        per minibatch of the round: cost sums by cost layer
 * @param cases        per minibatch of the round: its cases
 * @param divergence   the divergence message of the lowest worker that met one, or null
 * @param divergedAt   that worker's index ({@code Integer.MAX_VALUE} when none)
 */
record Contribution(ParamValues values, ParamValues momentum, List<Map<String, double[]>> costs, int[] cases,
                    String divergence, int divergedAt) implements Serializable {

    /** The sum of two contributions of the same round; commutative bit for bit. */
    Contribution plus(Contribution o) {
        ParamValues v = values == null ? o.values : o.values == null ? values : values.plus(o.values);
        ParamValues m = momentum == null ? o.momentum : o.momentum == null ? momentum : momentum.plus(o.momentum);
        List<Map<String, double[]>> c = new ArrayList<>(costs.size());
        int[] n = new int[cases.length];
        for (int i = 0; i < costs.size(); i++) {
            c.add(add(costs.get(i), o.costs.get(i)));
            n[i] = cases[i] + o.cases[i];
        }
        boolean mine = divergedAt <= o.divergedAt;
        return new Contribution(v, m, c, n, mine ? divergence : o.divergence, Math.min(divergedAt, o.divergedAt));
    }

    private static Map<String, double[]> add(Map<String, double[]> a, Map<String, double[]> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        Map<String, double[]> r = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] x = e.getValue();
            double[] y = b.get(e.getKey());
            double[] s = new double[x.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = x[k] + y[k];
            }
            r.put(e.getKey(), s);
        }
        return r;
    }
}
