package org.jconvnet.backend.blas.core;

import java.util.Random;

/**
 * conv written from its definition (cuda-convnet.md §3.2) in float64, the oracle the conv paths'
 * tests compare with: each loop walks the same list of connections ({@link #forEachConnection}),
 * so the three passes cannot disagree about the geometry.
 */
final class ConvDefinitions {
    private ConvDefinitions() {
    }

    /**
     * {@code out[f, module, n] = sum over the group's channels and taps of W * input}, in float64,
     * and beside it the sum of the terms' absolute values, which bounds the float32 rounding.
     */
    static double[][] forward(FilterGeometry g, float[] input, float[] weights) {
        int n = g.numCases();
        double[] out = new double[(int) g.outputSize()];
        double[] magnitude = new double[out.length];
        forEachConnection(g, (weight, pixel, outputRow) -> {
            for (int i = 0; i < n; i++) {
                double term = weights[weight] * input[pixel * n + i];
                out[outputRow * n + i] += term;
                magnitude[outputRow * n + i] += Math.abs(term);
            }
        });
        return new double[][] {out, magnitude};
    }

    /** {@code inputGrad[c, y, x, n] = sum over modules, taps and the group's filters}, in float64. */
    static double[] inputGradient(FilterGeometry g, float[] grad, float[] weights) {
        int n = g.numCases();
        double[] out = new double[(int) g.inputSize()];
        forEachConnection(g, (weight, pixel, outputRow) -> {
            for (int i = 0; i < n; i++) {
                out[pixel * n + i] += weights[weight] * grad[outputRow * n + i];
            }
        });
        return out;
    }

    /** {@code weightsGrad[(c', fy, fx), f] = sum over modules and cases of input * grad}, in float64. */
    static double[] weightGradient(FilterGeometry g, float[] input, float[] grad) {
        int n = g.numCases();
        double[] out = new double[(int) g.weightsSize()];
        forEachConnection(g, (weight, pixel, outputRow) -> {
            for (int i = 0; i < n; i++) {
                out[weight] += (double) input[pixel * n + i] * grad[outputRow * n + i];
            }
        });
        return out;
    }

    /** One weight of the conv's definition: input row {@code pixel} feeds output row {@code (filter, module)}. */
    @FunctionalInterface
    interface Connection {
        void accept(int weight, int pixel, int outputRow);
    }

    /**
     * Every (filter, module, channel of the filter's group, tap) of a conv (shared weights) whose
     * tap lands inside the image, with its weight's index, its input row {@code (c, y, x)} and its
     * output row {@code filter * modules + module}.
     */
    static void forEachConnection(FilterGeometry g, Connection c) {
        int s = g.imgSize();
        int fs = g.filterSize();
        int cf = g.filterChannels();
        for (int filter = 0; filter < g.filters(); filter++) {
            int group = filter / g.groupFilters();
            for (int module = 0; module < g.modules(); module++) {
                int my = module / g.modulesX();
                int mx = module % g.modulesX();
                for (int cl = 0; cl < cf; cl++) {
                    for (int fy = 0; fy < fs; fy++) {
                        for (int fx = 0; fx < fs; fx++) {
                            int y = my * g.stride() - g.padding() + fy;
                            int x = mx * g.stride() - g.padding() + fx;
                            if (y >= 0 && y < s && x >= 0 && x < s) {
                                c.accept(((cl * fs + fy) * fs + fx) * g.filters() + filter,
                                        ((group * cf + cl) * s + y) * s + x, filter * g.modules() + module);
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code size} standard normal values. */
    static float[] random(Random r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
