package org.jconvnet.backend.blas.core;

import java.util.Arrays;

/**
 * cmrnorm, rnorm and cnorm (cuda-convnet.md §3.6 to §3.8) over {@code C*S*S x N} activations:
 * <pre>
 * forward:  d_r = minDiv + addScale * sum_{q in W(r)} s_q^2,  y_r = x_r * d_r^-pow
 *           (s = x; for cnorm s = m = x - clipped-count mean of x over W(r), kept in meanDiffs)
 * backward: T_q = G_q y_q / d_q,  U_r = sum_{q : r in W(q)} T_q
 *           cmrnorm, rnorm: dx_r = G_r d_r^-pow - 2 addScale pow x_r U_r
 *           cnorm:          dx_r = G_r d_r^-pow - 2 addScale pow (m_r U_r - sum_{q : r in W(q)} m_q U_q / |W(q)|)
 * </pre>
 * W(r) is a set of maps at r's pixel (cmrnorm) or of pixels in r's map (rnorm, cnorm); every sum
 * runs over whole rows of N cases. Each pass writes disjoint rows, so workers split the rows.
 */
public final class NormOps {
    private final Workers workers;
    private final Scratch scratch;
    private final RowScratch[] rowScratch;

    /** Kernels running on {@code workers}, the backward pass's two temporaries in {@code scratch}'s slots 0 and 1. */
    public NormOps(Workers workers, Scratch scratch) {
        this.workers = workers;
        this.scratch = scratch;
        this.rowScratch = new RowScratch[workers.count()];
        for (int w = 0; w < rowScratch.length; w++) {
            rowScratch[w] = new RowScratch();
        }
    }

    /**
     * The geometry and constants of a norm launch.
     *
     * @param acrossMaps cmrnorm (else a square of pixels within the map)
     * @param mean       cnorm: normalise the deviations from the local mean
     * @param channels   C
     * @param imgSize    S
     * @param size       window size
     * @param blocked    cmrnorm's non-overlapping blocks
     * @param addScale   scale over size (cmrnorm) or size squared
     * @param pow        the exponent
     * @param minDiv     the additive constant
     * @param numCases   N
     */
    public record Geometry(boolean acrossMaps, boolean mean, int channels, int imgSize, int size, boolean blocked,
                           float addScale, float pow, float minDiv, int numCases) {
        int rows() {
            return channels * imgSize * imgSize;
        }

        WindowAxis axis() {
            if (acrossMaps) {
                return blocked ? WindowAxis.blocks(size, channels) : WindowAxis.centred(size, channels);
            }
            return WindowAxis.centred(size, imgSize);
        }

        int maxWindow() {
            return acrossMaps ? size : size * size;
        }

        /**
         * {@code d[i] = d[i]^-pow} for i in {@code [0, n)}. The shipped nets all use pow 0.75, where
         * {@code d^0.75 = sqrt(d) sqrt(sqrt(d))}: two single-precision square roots and a division,
         * which HotSpot vectorises (a float square root written as {@code (float) Math.sqrt(x)}
         * compiles to one instruction), instead of a call to {@code Math.pow} per element, which
         * dominated these kernels. Any other pow goes through {@code Math.pow}.
         */
        void scaleFactors(float[] d, int n) {
            if (pow == 0.75f) {
                for (int i = 0; i < n; i++) {
                    float r = (float) Math.sqrt(d[i]);
                    d[i] = 1f / (r * (float) Math.sqrt(r));
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                d[i] = (float) Math.pow(d[i], -pow);
            }
        }
    }

    /** {@code output}, {@code denoms} (and for cnorm {@code meanDiffs}) from {@code input}. */
    public void forward(Geometry g, float[] input, float[] output, float[] denoms, float[] meanDiffs) {
        int n = g.numCases();
        float[] squared = input;
        if (g.mean()) {
            rows(g, (r, list, acc, unused) -> {
                int count = neighbours(g, r, list, false);
                sumRows(list, count, input, n, false, acc);
                for (int i = 0; i < n; i++) {
                    meanDiffs[r * n + i] = input[r * n + i] - acc[i] / count;
                }
            });
            squared = meanDiffs;
        }
        float[] s = squared;
        rows(g, (r, list, acc, scale) -> {
            sumRows(list, neighbours(g, r, list, false), s, n, true, acc);
            int base = r * n;
            for (int i = 0; i < n; i++) {
                scale[i] = g.minDiv() + g.addScale() * acc[i];
            }
            System.arraycopy(scale, 0, denoms, base, n);
            g.scaleFactors(scale, n);
            for (int i = 0; i < n; i++) {
                output[base + i] = input[base + i] * scale[i];
            }
        });
    }

    /** {@code inputGrad (+)=} the exact gradient of {@link #forward}. */
    public void backwardInput(Geometry g, float[] input, float[] output, float[] denoms, float[] meanDiffs,
                              float[] outputGrad, float[] inputGrad, boolean accumulate) {
        int n = g.numCases();
        int size = g.rows() * n;
        float[] t = scratch.slot(0, size);
        float[] u = scratch.slot(1, size);
        workers.forRange(size, 1 << 12, (from, to, w) -> {
            for (int e = from; e < to; e++) {
                t[e] = outputGrad[e] * output[e] / denoms[e];
            }
        });
        rows(g, (r, list, acc, unused) -> {
            sumRows(list, neighbours(g, r, list, true), t, n, false, acc);
            System.arraycopy(acc, 0, u, r * n, n);
        });
        float twoAp = 2 * g.addScale() * g.pow();
        float[] m = g.mean() ? meanDiffs : input;
        rows(g, (r, list, acc, scale) -> {
            if (g.mean()) {
                int count = neighbours(g, r, list, true);
                for (int k = 0; k < count; k++) {
                    float window = windowCount(g, list[k]);
                    int base = list[k] * n;
                    for (int i = 0; i < n; i++) {
                        acc[i] += m[base + i] * u[base + i] / window;
                    }
                }
            }
            int base = r * n;
            System.arraycopy(denoms, base, scale, 0, n);
            g.scaleFactors(scale, n);
            for (int i = 0; i < n; i++) {
                int e = base + i;
                float dx = outputGrad[e] * scale[i] - twoAp * (m[e] * u[e] - acc[i]);
                inputGrad[e] = accumulate ? inputGrad[e] + dx : dx;
            }
        });
    }

    /** A body per row with a neighbour list, a zeroed accumulator of N and a temporary of N. */
    @FunctionalInterface
    private interface RowBody {
        void run(int row, int[] list, float[] acc, float[] scale);
    }

    private void rows(Geometry g, RowBody body) {
        int n = g.numCases();
        for (RowScratch rs : rowScratch) { // every worker's, whichever rows it gets
            rs.fit(g.maxWindow(), n);
        }
        workers.forRange(g.rows(), 8, (from, to, w) -> {
            RowScratch rs = rowScratch[w];
            for (int r = from; r < to; r++) {
                Arrays.fill(rs.acc, 0, n, 0f);
                body.run(r, rs.list, rs.acc, rs.scale);
            }
        });
    }

    /** One worker's per-row arrays, kept across launches (they only grow). */
    private static final class RowScratch {
        int[] list = new int[0];
        float[] acc = new float[0];
        float[] scale = new float[0];

        RowScratch fit(int window, int n) {
            if (list.length < window) {
                list = new int[window];
            }
            if (acc.length < n) {
                acc = new float[n];
                scale = new float[n];
            }
            return this;
        }
    }

    /** {@code acc (+)= sum over the listed rows of values (squared)}, in list order. */
    private static void sumRows(int[] list, int count, float[] values, int n, boolean squared, float[] acc) {
        for (int k = 0; k < count; k++) {
            int base = list[k] * n;
            if (squared) {
                for (int i = 0; i < n; i++) {
                    float v = values[base + i];
                    acc[i] += v * v;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    acc[i] += values[base + i];
                }
            }
        }
    }

    /** Lists W(row) ({@code reverse}: the rows whose window holds row) in increasing order; returns the count. */
    private static int neighbours(Geometry g, int row, int[] out, boolean reverse) {
        WindowAxis a = g.axis();
        int s = g.imgSize();
        int pixels = s * s;
        int map = row / pixels;
        int pixel = row % pixels;
        int k = 0;
        if (g.acrossMaps()) {
            int lo = reverse ? a.firstContaining(map) : a.lo(map);
            int hi = reverse ? a.endContaining(map) : a.hi(map);
            for (int f = lo; f < hi; f++) {
                out[k++] = f * pixels + pixel;
            }
            return k;
        }
        int y = pixel / s;
        int x = pixel % s;
        int ylo = reverse ? a.firstContaining(y) : a.lo(y);
        int yhi = reverse ? a.endContaining(y) : a.hi(y);
        int xlo = reverse ? a.firstContaining(x) : a.lo(x);
        int xhi = reverse ? a.endContaining(x) : a.hi(x);
        for (int yy = ylo; yy < yhi; yy++) {
            for (int xx = xlo; xx < xhi; xx++) {
                out[k++] = map * pixels + yy * s + xx;
            }
        }
        return k;
    }

    /** |W(row)|, the clipped count. */
    private static int windowCount(Geometry g, int row) {
        WindowAxis a = g.axis();
        int s = g.imgSize();
        int pixels = s * s;
        if (g.acrossMaps()) {
            return a.count(row / pixels);
        }
        return a.count(row % pixels / s) * a.count(row % s);
    }
}
