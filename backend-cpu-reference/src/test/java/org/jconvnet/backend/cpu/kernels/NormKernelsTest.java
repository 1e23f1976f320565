package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertClose;
import static org.jconvnet.backend.cpu.kernels.Checks.assertGradient;
import static org.jconvnet.backend.cpu.kernels.Checks.dot;
import static org.jconvnet.backend.cpu.kernels.Checks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cmrnorm, rnorm, cnorm: the window tables of cuda-convnet.md §12, a direct formula oracle, gradients, dtypes. */
class NormKernelsTest {

    /** A norm configuration. */
    record Cfg(String type, int n, int maps, int s, int size, boolean blocked, double addScale, double pow,
               double minDiv) {
        int rows() {
            return maps * s * s;
        }

        Launch launch(DType dtype) {
            return Launch.of(dtype).integer("numCases", n).integer("channels", maps).integer("imgSize", s)
                    .integer("size", size).integer("blocked", blocked ? 1 : 0).real("addScale", addScale)
                    .real("pow", pow).real("minDiv", minDiv).integer("accumulate", 0);
        }

        Launch forward(DType dtype, double[] in) {
            Launch l = launch(dtype).tensor("input", rows(), n, in).zeros("output", rows(), n)
                    .zeros("denoms", rows(), n);
            if (type.equals("cnorm")) {
                l.zeros("meanDiffs", rows(), n);
            }
            return l.run(type, Ops.FORWARD);
        }
    }

    private static int[] window(Window w, int o) {
        int[] out = new int[w.count(o)];
        for (int i = 0; i < out.length; i++) {
            out[i] = w.lo(o) + i;
        }
        return out;
    }

    @Test
    void crossMapWindowTablesOfSpecSection12() {
        Window four = Window.strided(-2, 1, 4, 8, 8);
        int[][] expected4 = {{0, 1}, {0, 1, 2}, {0, 1, 2, 3}, {1, 2, 3, 4}, {2, 3, 4, 5}, {3, 4, 5, 6}, {4, 5, 6, 7},
            {5, 6, 7}};
        Window five = Window.strided(-2, 1, 5, 8, 8);
        int[][] expected5 = {{0, 1, 2}, {0, 1, 2, 3}, {0, 1, 2, 3, 4}, {1, 2, 3, 4, 5}, {2, 3, 4, 5, 6},
            {3, 4, 5, 6, 7}, {4, 5, 6, 7}, {5, 6, 7}};
        for (int f = 0; f < 8; f++) {
            assertArrayEquals(expected4[f], window(four, f), "size 4, W(" + f + ")");
            assertArrayEquals(expected5[f], window(five, f), "size 5, W(" + f + ")");
        }
        Window nine = Window.strided(-4, 1, 9, 64, 64);
        for (int f = 0; f < 64; f++) {
            assertEquals(Math.max(0, f - 4), nine.lo(f));
            assertEquals(Math.min(63, f + 4) + 1, nine.hi(f));
        }
        // even size: the maps whose window holds g are [g - (size-1-size/2), g + size/2]
        assertEquals(2, four.reverseLo(3));
        assertEquals(6, four.reverseHi(3));
        Window blocked = Window.blocked(5, 16);
        assertArrayEquals(new int[] {5, 6, 7, 8, 9}, window(blocked, 7));
        assertArrayEquals(new int[] {15}, window(blocked, 15), "the last block is clipped");
    }

    /** cmrnorm forward straight from cuda-convnet.md §3.7, for one pixel and case: x is the vector over maps. */
    private static double[] naiveCrossMap(double[] x, int size, boolean blocked, double a, double pow, double k) {
        int maps = x.length;
        double[] y = new double[maps];
        for (int f = 0; f < maps; f++) {
            int lo = blocked ? (f / size) * size : f - size / 2;
            double sum = 0;
            for (int g = Math.max(0, lo); g < Math.min(maps, lo + size); g++) {
                sum += x[g] * x[g];
            }
            y[f] = x[f] * Math.pow(k + a * sum, -pow);
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"4, false", "5, false", "9, false", "5, true", "4, true"})
    void crossMapForwardMatchesTheFormula(int size, boolean blocked) {
        int maps = 16;
        Cfg cfg = new Cfg("cmrnorm", 1, maps, 1, size, blocked, 0.3, 0.75, 2.0);
        double[] x = random(size, maps);
        double[] expected = naiveCrossMap(x, size, blocked, 0.3, 0.75, 2.0);
        assertClose(expected, cfg.forward(DType.FLOAT64, x).get("output"), 1e-15, "cmrnorm size " + size);
        assertClose(expected, cfg.forward(DType.FLOAT32, x).get("output"), 1e-6, "cmrnorm float32");
    }

    @Test
    void rnormKeepsTheSizeSquaredDivisorAtBorders() {
        // one map 3x3, size 3: the corner window is 2x2; addScale (scale/size^2) is passed already divided.
        double[] x = {1, 2, 0, 3, 4, 0, 0, 0, 0};
        Cfg cfg = new Cfg("rnorm", 1, 1, 3, 3, false, 0.5, 1.0, 1.0);
        double[] y = cfg.forward(DType.FLOAT64, x).get("output");
        assertEquals(1 / (1 + 0.5 * (1 + 4 + 9 + 16)), y[0], 1e-15, "corner: window rows/cols [-1,2) clipped");
        assertEquals(4 / (1 + 0.5 * 30), y[4], 1e-15, "centre sees the whole image");
    }

    @Test
    void cnormSubtractsEachPixelsOwnLocalMean() {
        double[] x = {1, 2, 3, 4};
        Cfg cfg = new Cfg("cnorm", 1, 1, 2, 2, false, 0.5, 1.0, 1.0);
        Launch l = cfg.forward(DType.FLOAT64, x);
        // size 2: window rows [y-1, y+1) -> pixel (0,0) sees only itself, (1,1) sees all four.
        double[] m = l.get("meanDiffs");
        assertEquals(0, m[0], 1e-15);
        assertEquals(4 - 2.5, m[3], 1e-15);
        double d3 = 1 + 0.5 * (m[0] * m[0] + m[1] * m[1] + m[2] * m[2] + m[3] * m[3]);
        assertEquals(4 / d3, l.get("output")[3], 1e-15, "the numerator is the raw input");
    }

    @ParameterizedTest
    @CsvSource({"cmrnorm, 4, false", "cmrnorm, 5, false", "cmrnorm, 5, true", "cmrnorm, 9, false",
        "rnorm, 3, false", "rnorm, 4, false", "cnorm, 3, false", "cnorm, 4, false"})
    void backwardMatchesCentralDifferences(String type, int size, boolean blocked) {
        // large addScale so that the second term of the gradient matters
        Cfg cfg = new Cfg(type, 2, type.equals("cmrnorm") ? 12 : 2, type.equals("cmrnorm") ? 2 : 5, size, blocked,
                0.4, 0.75, 1.5);
        double[] x = random(size + 17, cfg.rows() * cfg.n());
        double[] r = random(size + 18, cfg.rows() * cfg.n());
        Launch l = cfg.forward(DType.FLOAT64, x).tensor("outputGrad", cfg.rows(), cfg.n(), r)
                .zeros("inputGrad", cfg.rows(), cfg.n()).run(type, Ops.BACKWARD_INPUT);
        assertGradient(x, v -> dot(cfg.forward(DType.FLOAT64, v).get("output"), r), l.get("inputGrad"), 1e-8,
                type + " size " + size + (blocked ? " blocked" : ""));
        Launch f32 = cfg.forward(DType.FLOAT32, x).tensor("outputGrad", cfg.rows(), cfg.n(), r)
                .zeros("inputGrad", cfg.rows(), cfg.n()).run(type, Ops.BACKWARD_INPUT);
        assertClose(l.get("inputGrad"), f32.get("inputGrad"), 1e-5, type + " float32 vs float64");
        double[] held = random(5, cfg.rows() * cfg.n());
        double[] again = cfg.forward(DType.FLOAT64, x).tensor("outputGrad", cfg.rows(), cfg.n(), r)
                .tensor("inputGrad", cfg.rows(), cfg.n(), held).integer("accumulate", 1)
                .run(type, Ops.BACKWARD_INPUT).get("inputGrad");
        Checks.assertExact(Checks.plus(held, l.get("inputGrad")), again, type + " accumulate");
    }
}
