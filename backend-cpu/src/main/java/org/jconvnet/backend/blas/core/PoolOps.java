package org.jconvnet.backend.blas.core;

/**
 * pool (cuda-convnet.md §3.5): max or average over clipped windows, per channel. Rows of N cases are
 * combined with whole-row loops, which HotSpot vectorises. Max starts from -2e38 (cuda-convnet's
 * base value); avg divides by the clipped count; backward gathers, for each input pixel, the
 * windows holding it, so workers write disjoint rows, and max's "is it the maximum" is a
 * branch-free mask ({@link Select}).
 */
public final class PoolOps {
    private static final float MAX_BASE = -2e38f;

    private final Workers workers;

    /** Kernels running on {@code workers}. */
    public PoolOps(Workers workers) {
        this.workers = workers;
    }

    /** The geometry of a pool launch. */
    public record Geometry(int channels, int imgSize, int sizeX, int start, int stride, int outputsX, boolean average,
                           int numCases) {
        WindowAxis axis() {
            return WindowAxis.strided(start, stride, sizeX, imgSize, outputsX);
        }
    }

    /** {@code output = pool(input)}. */
    public void forward(Geometry g, float[] input, float[] output) {
        WindowAxis a = g.axis();
        int n = g.numCases();
        int o = g.outputsX();
        int s = g.imgSize();
        workers.forRange(g.channels() * o * o, 16, (from, to, w) -> {
            for (int r = from; r < to; r++) {
                int c = r / (o * o);
                int oy = r / o % o;
                int ox = r % o;
                int out = r * n;
                java.util.Arrays.fill(output, out, out + n, g.average() ? 0f : MAX_BASE);
                for (int y = a.lo(oy); y < a.hi(oy); y++) {
                    for (int x = a.lo(ox); x < a.hi(ox); x++) {
                        int in = ((c * s + y) * s + x) * n;
                        if (g.average()) {
                            for (int i = 0; i < n; i++) {
                                output[out + i] += input[in + i];
                            }
                        } else {
                            for (int i = 0; i < n; i++) {
                                output[out + i] = Math.max(output[out + i], input[in + i]);
                            }
                        }
                    }
                }
                int count = a.count(oy) * a.count(ox);
                if (g.average()) {
                    for (int i = 0; i < n; i++) {
                        output[out + i] = count == 0 ? 0f : output[out + i] / count;
                    }
                }
            }
        });
    }

    /** {@code inputGrad (+)=} the gradient of {@link #forward} (max: every tie gets it; avg: divided by the count). */
    public void backwardInput(Geometry g, float[] input, float[] output, float[] outputGrad, float[] inputGrad,
                              boolean accumulate) {
        WindowAxis a = g.axis();
        int n = g.numCases();
        int o = g.outputsX();
        int s = g.imgSize();
        workers.forRange(g.channels() * s * s, 16, (from, to, w) -> {
            for (int r = from; r < to; r++) {
                int c = r / (s * s);
                int y = r / s % s;
                int x = r % s;
                int q = r * n;
                if (!accumulate) {
                    java.util.Arrays.fill(inputGrad, q, q + n, 0f);
                }
                for (int oy = a.firstContaining(y); oy < a.endContaining(y); oy++) {
                    for (int ox = a.firstContaining(x); ox < a.endContaining(x); ox++) {
                        int p = ((c * o + oy) * o + ox) * n;
                        if (g.average()) {
                            float count = a.count(oy) * a.count(ox);
                            for (int i = 0; i < n; i++) {
                                inputGrad[q + i] += outputGrad[p + i] / count;
                            }
                        } else {
                            // Without a branch: whether an input is its window's maximum is a coin toss.
                            for (int i = 0; i < n; i++) {
                                inputGrad[q + i] += Select.ifEqual(input[q + i], output[p + i], outputGrad[p + i]);
                            }
                        }
                    }
                }
            }
        });
    }
}
