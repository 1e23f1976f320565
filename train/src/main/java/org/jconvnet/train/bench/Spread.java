package org.jconvnet.train.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The median, minimum and maximum of repeated measurements of one quantity, with the samples in
 * the order they were taken.
 *
 * @param median  the median (the mean of the two middle samples for an even count); NaN when empty
 * @param min     the smallest sample
 * @param max     the largest sample
 * @param samples every sample, in measurement order
 */
public record Spread(double median, double min, double max, List<Double> samples) {

    /** The spread of {@code samples}. */
    public static Spread of(double... samples) {
        if (samples.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Spread(median, s[0], s[n - 1], Arrays.stream(samples).boxed().toList());
    }

    /** Every value multiplied by {@code factor}, e.g. images/s into GFLOP/s. */
    public Spread times(double factor) {
        return new Spread(median * factor, min * factor, max * factor,
                samples.stream().map(v -> v * factor).toList());
    }
}
