package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertClose;
import static org.jconvnet.backend.cpu.kernels.Checks.assertExact;
import static org.jconvnet.backend.cpu.kernels.Checks.assertGradient;
import static org.jconvnet.backend.cpu.kernels.Checks.dot;
import static org.jconvnet.backend.cpu.kernels.Checks.random;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** fc: Fortran-ordered weights, hand-computed values, gradients, dtypes, accumulate. */
class FcKernelsTest {
    private static final int N = 3;
    private static final int DIN = 5;
    private static final int DOUT = 4;

    private static Launch launch(DType dtype, int din, int dout) {
        return Launch.of(dtype).integer("numCases", N).integer("inputs", din).integer("outputs", dout)
                .integer("accumulate", 0);
    }

    static double[] forward(DType dtype, double[] in, double[] w) {
        return launch(dtype, DIN, DOUT).tensor("input", DIN, N, in).tensor("weights", DIN, DOUT, w)
                .zeros("output", DOUT, N).run("fc", Ops.FORWARD).get("output");
    }

    @Test
    void weightsAreFortranOrdered() {
        // Din=2, Dout=2, N=1: W[i,j] at j*2 + i, so W = [[1, 3], [2, 4]] logically.
        double[] out = Launch.of(DType.FLOAT64).integer("numCases", 1).integer("inputs", 2).integer("outputs", 2)
                .integer("accumulate", 0).tensor("input", 2, 1, new double[] {10, 100})
                .tensor("weights", 2, 2, new double[] {1, 2, 3, 4}).zeros("output", 2, 1)
                .run("fc", Ops.FORWARD).get("output");
        assertExact(new double[] {10 * 1 + 100 * 2, 10 * 3 + 100 * 4}, out, "output[j] = sum_i in[i] W[i,j]");
    }

    @Test
    void backwardKernelsMatchCentralDifferences() {
        double[] in = random(1, DIN * N);
        double[] w = random(2, DIN * DOUT);
        double[] r = random(3, DOUT * N);
        double[] gIn = launch(DType.FLOAT64, DIN, DOUT).tensor("outputGrad", DOUT, N, r).tensor("weights", DIN, DOUT, w)
                .zeros("inputGrad", DIN, N).run("fc", Ops.BACKWARD_INPUT).get("inputGrad");
        double[] gW = launch(DType.FLOAT64, DIN, DOUT).tensor("outputGrad", DOUT, N, r).tensor("input", DIN, N, in)
                .zeros("weightsGrad", DIN, DOUT).run("fc", Ops.BACKWARD_WEIGHTS).get("weightsGrad");
        assertGradient(in, x -> dot(forward(DType.FLOAT64, x, w), r), gIn, 1e-9, "fc input");
        assertGradient(w, x -> dot(forward(DType.FLOAT64, in, x), r), gW, 1e-9, "fc weights");
    }

    @Test
    void float32AgreesWithFloat64() {
        double[] in = random(4, DIN * N);
        double[] w = random(5, DIN * DOUT);
        assertClose(forward(DType.FLOAT64, in, w), forward(DType.FLOAT32, in, w), 1e-6, "fc forward");
    }

    @Test
    void secondInputAccumulatesIntoTheOutput() {
        double[] in0 = random(6, DIN * N);
        double[] w0 = random(7, DIN * DOUT);
        double[] in1 = random(8, 2 * N);
        double[] w1 = random(9, 2 * DOUT);
        double[] first = forward(DType.FLOAT64, in0, w0);
        double[] second = launch(DType.FLOAT64, 2, DOUT).tensor("input", 2, N, in1).tensor("weights", 2, DOUT, w1)
                .zeros("output", DOUT, N).run("fc", Ops.FORWARD).get("output");
        double[] both = launch(DType.FLOAT64, DIN, DOUT).tensor("input", DIN, N, in0).tensor("weights", DIN, DOUT, w0)
                .zeros("output", DOUT, N).run("fc", Ops.FORWARD).integer("inputs", 2).integer("accumulate", 1)
                .tensor("input", 2, N, in1).tensor("weights", 2, DOUT, w1).run("fc", Ops.FORWARD).get("output");
        assertExact(Checks.plus(first, second), both, "two inputs summed");
    }
}
