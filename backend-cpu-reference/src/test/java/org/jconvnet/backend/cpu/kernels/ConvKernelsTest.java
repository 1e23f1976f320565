package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertClose;
import static org.jconvnet.backend.cpu.kernels.Checks.assertExact;
import static org.jconvnet.backend.cpu.kernels.Checks.assertGradient;
import static org.jconvnet.backend.cpu.kernels.Checks.dot;
import static org.jconvnet.backend.cpu.kernels.Checks.random;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** conv and local: hand-computed cases, a naive oracle written from the formulas of cuda-convnet.md §3.2, gradients, dtypes, accumulate. */
class ConvKernelsTest {

    /** A conv/local configuration; M is derived with the ceil formula of cuda-convnet.md §3.2. */
    record Geo(boolean local, int n, int c, int s, int filters, int fs, int pad, int stride, int groups) {
        int m() {
            return 1 + (2 * pad + s - fs + stride - 1) / stride;
        }

        int inputs() {
            return c * s * s;
        }

        int outputs() {
            return filters * m() * m();
        }

        int weightRows() {
            return (local ? m() * m() : 1) * (c / groups) * fs * fs;
        }

        String type() {
            return local ? "local" : "conv";
        }

        Launch launch(DType dtype) {
            return Launch.of(dtype).integer("numCases", n).integer("channels", c).integer("imgSize", s)
                    .integer("filters", filters).integer("filterSize", fs).integer("padding", pad)
                    .integer("stride", stride).integer("modulesX", m()).integer("groups", groups);
        }
    }

    /** output[f,my,mx,n] = sum_{c,fy,fx} W * input, straight from cuda-convnet.md §3.2/§3.3, zero outside the image. */
    static double[] naiveForward(Geo g, double[] in, double[] w) {
        int m = g.m();
        int cf = g.c() / g.groups();
        double[] out = new double[g.outputs() * g.n()];
        for (int f = 0; f < g.filters(); f++) {
            int grp = f / (g.filters() / g.groups());
            for (int my = 0; my < m; my++) {
                for (int mx = 0; mx < m; mx++) {
                    for (int n = 0; n < g.n(); n++) {
                        double sum = 0;
                        for (int c = 0; c < cf; c++) {
                            for (int fy = 0; fy < g.fs(); fy++) {
                                for (int fx = 0; fx < g.fs(); fx++) {
                                    int y = my * g.stride() - g.pad() + fy;
                                    int x = mx * g.stride() - g.pad() + fx;
                                    if (y < 0 || y >= g.s() || x < 0 || x >= g.s()) {
                                        continue;
                                    }
                                    int wRow = (c * g.fs() + fy) * g.fs() + fx
                                            + (g.local() ? (my * m + mx) * cf * g.fs() * g.fs() : 0);
                                    sum += w[wRow * g.filters() + f]
                                            * in[(((grp * cf + c) * g.s() + y) * g.s() + x) * g.n() + n];
                                }
                            }
                        }
                        out[((f * m + my) * m + mx) * g.n() + n] = sum;
                    }
                }
            }
        }
        return out;
    }

    static double[] forward(Geo g, DType dtype, double[] in, double[] w) {
        return g.launch(dtype).tensor("input", g.inputs(), g.n(), in).tensor("weights", g.weightRows(), g.filters(), w)
                .zeros("output", g.outputs(), g.n()).integer("accumulate", 0).run(g.type(), Ops.FORWARD).get("output");
    }

    static double[] backwardInput(Geo g, DType dtype, double[] grad, double[] w) {
        return g.launch(dtype).tensor("outputGrad", g.outputs(), g.n(), grad)
                .tensor("weights", g.weightRows(), g.filters(), w).zeros("inputGrad", g.inputs(), g.n())
                .integer("accumulate", 0).run(g.type(), Ops.BACKWARD_INPUT).get("inputGrad");
    }

    static double[] backwardWeights(Geo g, DType dtype, double[] in, double[] grad) {
        return g.launch(dtype).tensor("input", g.inputs(), g.n(), in).tensor("outputGrad", g.outputs(), g.n(), grad)
                .zeros("weightsGrad", g.weightRows(), g.filters()).integer("accumulate", 0)
                .run(g.type(), Ops.BACKWARD_WEIGHTS).get("weightsGrad");
    }

    private static final Geo[] CASES = {
        new Geo(false, 3, 4, 7, 6, 3, 1, 2, 2),
        new Geo(false, 2, 3, 6, 4, 4, 0, 3, 1),
        new Geo(false, 2, 2, 5, 3, 5, 2, 1, 1),
        new Geo(true, 3, 4, 6, 4, 3, 1, 2, 2),
        new Geo(true, 2, 3, 5, 2, 2, 0, 2, 1),
    };

    @Test
    void convHandComputedValidWindow() {
        Geo g = new Geo(false, 1, 1, 3, 1, 2, 0, 1, 1);
        double[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] w = {1, 2, 3, 4};
        assertExact(new double[] {37, 47, 67, 77}, forward(g, DType.FLOAT64, in, w), "conv 3x3 * 2x2");
        assertExact(new double[] {37, 47, 67, 77}, forward(g, DType.FLOAT32, in, w), "conv 3x3 * 2x2 float32");
    }

    @Test
    void convHandComputedPaddingAndCeilEdge() {
        // S=3, fs=2, stride 2: M = 1 + ceil(1/2) = 2; the last module hangs over the edge and reads zeros.
        Geo g = new Geo(false, 1, 1, 3, 1, 2, 0, 2, 1);
        double[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] w = {1, 2, 3, 4};
        assertExact(new double[] {37, 1 * 3 + 3 * 6, 1 * 7 + 2 * 8, 9}, forward(g, DType.FLOAT64, in, w), "edge");
        // padding 1, fs 3 on 2x2: module (0,0) sees the image through taps (1..2, 1..2).
        Geo p = new Geo(false, 1, 1, 2, 1, 3, 1, 1, 1);
        double[] out = forward(p, DType.FLOAT64, new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertExact(new double[] {5 * 1 + 6 * 2 + 8 * 3 + 9 * 4, 4 * 1 + 5 * 2 + 7 * 3 + 8 * 4,
            2 * 1 + 3 * 2 + 5 * 3 + 6 * 4, 1 * 1 + 2 * 2 + 4 * 3 + 5 * 4}, out, "padding");
    }

    @Test
    void localHandComputedUsesOneFilterBankPerModule() {
        Geo g = new Geo(true, 2, 1, 2, 1, 1, 0, 1, 1);
        double[] in = {1, 10, 2, 20, 3, 30, 4, 40};
        double[] w = {1, 2, 3, 4};
        assertExact(new double[] {1, 10, 4, 40, 9, 90, 16, 160}, forward(g, DType.FLOAT64, in, w), "local 1x1");
    }

    @Test
    void groupsReadTheirOwnChannels() {
        // two groups of one filter, one channel each, 1x1 filters: filter g copies channel g scaled.
        Geo g = new Geo(false, 1, 2, 1, 2, 1, 0, 1, 2);
        assertExact(new double[] {2 * 5, 3 * 7}, forward(g, DType.FLOAT64, new double[] {5, 7}, new double[] {2, 3}),
                "groups");
    }

    @Test
    void forwardMatchesNaiveFormulaInBothDtypes() {
        for (Geo g : CASES) {
            double[] in = random(1, g.inputs() * g.n());
            double[] w = random(2, g.weightRows() * g.filters());
            double[] expected = naiveForward(g, in, w);
            assertClose(expected, forward(g, DType.FLOAT64, in, w), 1e-14, g + " float64");
            assertClose(expected, forward(g, DType.FLOAT32, in, w), 1e-6, g + " float32");
        }
    }

    @Test
    void largeForwardIsParallelDeterministicAndMatchesNaive() {
        Geo g = new Geo(false, 32, 8, 12, 16, 5, 2, 1, 1);
        double[] in = random(3, g.inputs() * g.n());
        double[] w = random(4, g.weightRows() * g.filters());
        double[] a = forward(g, DType.FLOAT32, in, w);
        assertExact(a, forward(g, DType.FLOAT32, in, w), "rerun bit-identical");
        assertClose(naiveForward(g, in, w), a, 1e-6, "float32 vs naive");
    }

    @Test
    void backwardKernelsMatchCentralDifferences() {
        for (Geo g : CASES) {
            double[] in = random(5, g.inputs() * g.n());
            double[] w = random(6, g.weightRows() * g.filters());
            double[] r = random(7, g.outputs() * g.n());
            // loss = sum(output * r), so dloss/doutput = r.
            assertGradient(in, x -> dot(forward(g, DType.FLOAT64, x, w), r),
                    backwardInput(g, DType.FLOAT64, r, w), 1e-8, g + " input");
            assertGradient(w, x -> dot(forward(g, DType.FLOAT64, in, x), r),
                    backwardWeights(g, DType.FLOAT64, in, r), 1e-8, g + " weights");
        }
    }

    @Test
    void float32AgreesWithFloat64OnBackward() {
        for (Geo g : CASES) {
            double[] in = random(8, g.inputs() * g.n());
            double[] w = random(9, g.weightRows() * g.filters());
            double[] r = random(10, g.outputs() * g.n());
            assertClose(backwardInput(g, DType.FLOAT64, r, w), backwardInput(g, DType.FLOAT32, r, w), 1e-6, g + " input");
            assertClose(backwardWeights(g, DType.FLOAT64, in, r), backwardWeights(g, DType.FLOAT32, in, r), 1e-6,
                    g + " weights");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "backward-input", "backward-weights"})
    void accumulateAddsTheResultToTheTarget(String op) {
        Geo g = CASES[0];
        double[] in = random(11, g.inputs() * g.n());
        double[] w = random(12, g.weightRows() * g.filters());
        double[] r = random(13, g.outputs() * g.n());
        String target = op.equals("forward") ? "output" : op.equals("backward-input") ? "inputGrad" : "weightsGrad";
        int rows = op.equals("forward") ? g.outputs() : op.equals("backward-input") ? g.inputs() : g.weightRows();
        int cols = op.equals("backward-weights") ? g.filters() : g.n();
        double[] held = random(14, rows * cols);
        Launch l = g.launch(DType.FLOAT64).tensor("input", g.inputs(), g.n(), in)
                .tensor("weights", g.weightRows(), g.filters(), w).tensor("outputGrad", g.outputs(), g.n(), r)
                .tensor(target, rows, cols, held).integer("accumulate", 0).run(g.type(), op);
        double[] fresh = l.get(target);
        l.set(target, held).integer("accumulate", 1).run(g.type(), op);
        assertExact(Checks.plus(held, fresh), l.get(target), op + " accumulate=1");
        l.set(target, held).integer("accumulate", 0).run(g.type(), op);
        assertExact(fresh, l.get(target), op + " accumulate=0 overwrites");
    }
}
