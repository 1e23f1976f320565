package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertExact;
import static org.jconvnet.backend.cpu.kernels.Checks.assertGradient;
import static org.jconvnet.backend.cpu.kernels.Checks.dot;
import static org.jconvnet.backend.cpu.kernels.Checks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** pool: the clipped edge windows of cuda-convnet.md §3.5/§12, divisors, ties, gradients. */
class PoolKernelsTest {

    private static Launch launch(DType dtype, int n, int channels, int s, int size, int start, int stride, int o,
                                 boolean avg) {
        return Launch.of(dtype).integer("numCases", n).integer("channels", channels).integer("imgSize", s)
                .integer("sizeX", size).integer("start", start).integer("stride", stride).integer("outputsX", o)
                .integer("average", avg ? 1 : 0).integer("accumulate", 0);
    }

    static double[] forward(double[] in, int n, int ch, int s, int size, int start, int stride, int o, boolean avg) {
        return launch(DType.FLOAT64, n, ch, s, size, start, stride, o, avg).tensor("input", ch * s * s, n, in)
                .zeros("output", ch * o * o, n).run("pool", Ops.FORWARD).get("output");
    }

    @Test
    void windowsOfS32Size3Stride2() {
        Window w = Window.strided(0, 2, 3, 32, 16);
        assertEquals(28, w.lo(14));
        assertEquals(31, w.hi(14));
        assertEquals(30, w.lo(15));
        assertEquals(32, w.hi(15), "the last window [30,32) is clipped to 2 pixels");
        assertEquals(2, w.count(15));
        // pixel 30 is in windows 14 and 15; pixel 31 only in 15; pixel 0 only in 0
        assertEquals(14, w.reverseLo(30));
        assertEquals(16, w.reverseHi(30));
        assertEquals(15, w.reverseLo(31));
        assertEquals(0, w.reverseLo(0));
        assertEquals(1, w.reverseHi(0));
    }

    @Test
    void avgCornerOfS32DividesByTheClippedCountFour() {
        double[] in = new double[32 * 32];
        in[31 * 32 + 31] = 1;
        double[] out = forward(in, 1, 1, 32, 3, 0, 2, 16, true);
        assertEquals(0.25, out[15 * 16 + 15], 0.0, "corner (15,15) averages 2x2 = 4 pixels");
        assertEquals(0.0, out[14 * 16 + 14], 0.0, "window [28,31) does not hold pixel 31");
        in = new double[32 * 32];
        in[5 * 32 + 5] = 9;
        out = forward(in, 1, 1, 32, 3, 0, 2, 16, true);
        assertEquals(1.0, out[2 * 16 + 2], 0.0, "an interior window divides by 9");
    }

    @Test
    void maxTakesTheLargestPixelOfEachClippedWindow() {
        // S=7, size 2, stride 2: 4 outputs, the last covers only pixel 6.
        double[] in = new double[49];
        for (int i = 0; i < in.length; i++) {
            in[i] = i;
        }
        double[] out = forward(in, 1, 1, 7, 2, 0, 2, 4, false);
        assertEquals(8, out[0], 0.0);
        assertEquals(48, out[15], 0.0, "corner window is the single pixel (6,6)");
        assertEquals(6 * 7 + 1, out[12], 0.0, "bottom row window (6, 0..1)");
        double[] avg = forward(in, 1, 1, 7, 2, 0, 2, 4, true);
        assertEquals(48, avg[15], 0.0, "avg of the 1-pixel corner divides by 1");
    }

    @Test
    void startOneNeverPoolsRowZero() {
        double[] in = new double[15 * 15];
        in[0] = 100;
        in[16] = 7;
        double[] out = forward(in, 1, 1, 15, 3, 1, 2, 7, false);
        assertEquals(7, out[0], 0.0, "window [1,4) skips pixel (0,0)");
    }

    @Test
    void maxBackwardGivesEveryTieTheGradient() {
        double[] in = {1, 3, 3, 2};
        Launch l = launch(DType.FLOAT64, 1, 1, 2, 2, 0, 2, 1, false).tensor("input", 4, 1, in).zeros("output", 1, 1)
                .run("pool", Ops.FORWARD).tensor("outputGrad", 1, 1, new double[] {5}).zeros("inputGrad", 4, 1)
                .run("pool", Ops.BACKWARD_INPUT);
        assertExact(new double[] {0, 5, 5, 0}, l.get("inputGrad"), "ties");
    }

    @Test
    void backwardMatchesCentralDifferences() {
        int n = 2;
        int ch = 2;
        int s = 7;
        int size = 3;
        int stride = 2;
        int o = 3;
        for (boolean avg : new boolean[] {false, true}) {
            double[] in = random(avg ? 1 : 2, ch * s * s * n);
            double[] r = random(3, ch * o * o * n);
            Launch l = launch(DType.FLOAT64, n, ch, s, size, 0, stride, o, avg).tensor("input", ch * s * s, n, in)
                    .zeros("output", ch * o * o, n).run("pool", Ops.FORWARD).tensor("outputGrad", ch * o * o, n, r)
                    .zeros("inputGrad", ch * s * s, n).run("pool", Ops.BACKWARD_INPUT);
            assertGradient(in, x -> dot(forward(x, n, ch, s, size, 0, stride, o, avg), r), l.get("inputGrad"), 1e-8,
                    avg ? "avg pool" : "max pool (distinct random inputs: no ties)");
        }
    }
}
