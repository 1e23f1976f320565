package org.jconvnet.conformance.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jconvnet.api.layer.LayerCase;

/**
 * Reproducible random data for checks. Every value is rounded to float32 first, so that a float32
 * backend and the float64 reference start from the very same numbers and any difference comes from
 * arithmetic alone.
 */
public final class RandomData {
    private RandomData() {
    }

    /** Rounds to the nearest float32 value, kept as a double. */
    public static double round32(double v) {
        return (float) v;
    }

    /** Rounds every element to float32 in place and returns the array. */
    public static double[] round32(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) v[i];
        }
        return v;
    }

    /** {@code n} standard normal values times {@code scale}, rounded to float32. */
    public static double[] gaussian(SplittableRandom rnd, int n, double scale) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (rnd.nextGaussian() * scale);
        }
        return out;
    }

    /** The data of every input of a case, by data index: {@code dims x numCases}, case fastest. */
    public static Map<Integer, double[]> inputs(List<LayerCase.CaseInput> inputs, int numCases, SplittableRandom rnd) {
        Map<Integer, double[]> data = new LinkedHashMap<>();
        for (int idx = 0; idx < inputs.size(); idx++) {
            LayerCase.CaseInput in = inputs.get(idx);
            int n = in.dims() * numCases;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                switch (in.kind()) {
                    case GAUSSIAN:
                        v[i] = rnd.nextGaussian() * in.scale();
                        break;
                    case POSITIVE:
                        v[i] = (0.1 + 0.9 * rnd.nextDouble()) * in.scale();
                        break;
                    case LABELS:
                        v[i] = rnd.nextInt(Math.max(1, (int) Math.round(in.scale())));
                        break;
                    default:
                        throw new IllegalStateException("unknown input kind " + in.kind());
                }
            }
            data.put(idx, round32(v));
        }
        return data;
    }
}
