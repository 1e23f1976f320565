package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertClose;
import static org.jconvnet.backend.cpu.kernels.Checks.assertExact;
import static org.jconvnet.backend.cpu.kernels.Checks.assertGradient;
import static org.jconvnet.backend.cpu.kernels.Checks.dot;
import static org.jconvnet.backend.cpu.kernels.Checks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** softmax, cost.logreg, cost.sum2: values, ties, gradients of each against its own forward. */
class SoftmaxCostKernelsTest {
    private static final int K = 5;
    private static final int N = 3;
    private static final double[] LABELS = {2, 0, 4};

    private static double[] softmax(DType dtype, double[] x) {
        return Launch.of(dtype).integer("numCases", N).integer("classes", K).tensor("input", K, N, x)
                .zeros("output", K, N).run("softmax", Ops.FORWARD).get("output");
    }

    private static Launch logreg(double[] probs, double coeff) {
        return Launch.of(DType.FLOAT64).integer("numCases", N).integer("classes", K).integer("accumulate", 0)
                .real("coeff", coeff).tensor("labels", 1, N, LABELS).tensor("probs", K, N, probs)
                .zeros("output", 2, N).zeros("inputGrad", K, N);
    }

    private static double logprob(double[] probs) {
        double[] out = logreg(probs, 1).run("cost.logreg", Ops.FORWARD).get("output");
        return out[0] + out[1] + out[2];
    }

    @Test
    void softmaxColumnsSumToOneAndSurviveLargeInputs() {
        double[] x = random(1, K * N);
        for (int j = 0; j < K; j++) {
            x[j * N + 2] = (float) (x[j * N + 2] + 1000); // exp(1000) overflows unless the max is subtracted
        }
        double[] y = softmax(DType.FLOAT64, x);
        for (int n = 0; n < N; n++) {
            double sum = 0;
            for (int j = 0; j < K; j++) {
                sum += y[j * N + n];
            }
            assertEquals(1, sum, 1e-15, "case " + n);
        }
        assertClose(y, softmax(DType.FLOAT32, x), 1e-6, "float32");
    }

    @Test
    void softmaxBackwardMatchesCentralDifferences() {
        double[] x = random(2, K * N);
        double[] r = random(3, K * N);
        double[] g = Launch.of(DType.FLOAT64).integer("numCases", N).integer("classes", K).integer("accumulate", 0)
                .tensor("output", K, N, softmax(DType.FLOAT64, x)).tensor("outputGrad", K, N, r)
                .zeros("inputGrad", K, N).run("softmax", Ops.BACKWARD_INPUT).get("inputGrad");
        assertGradient(x, v -> dot(softmax(DType.FLOAT64, v), r), g, 1e-8, "softmax");
    }

    @Test
    void logregCostAndFractionalTieCredit() {
        double[] p = new double[K * N];
        // case 0: label 2 tied with class 3 at the max -> error 1/2; case 1: label 0 is the max -> 0;
        // case 2: label 4 below the max -> 1.
        double[][] cols = {{0.1, 0.1, 0.35, 0.35, 0.1}, {0.6, 0.1, 0.1, 0.1, 0.1}, {0.5, 0.1, 0.1, 0.1, 0.2}};
        for (int n = 0; n < N; n++) {
            for (int j = 0; j < K; j++) {
                p[j * N + n] = cols[n][j];
            }
        }
        double[] out = logreg(p, 1).run("cost.logreg", Ops.FORWARD).get("output");
        assertEquals(-Math.log(0.35), out[0], 1e-15);
        assertEquals(-Math.log(0.6), out[1], 1e-15);
        assertEquals(-Math.log(0.2), out[2], 1e-15);
        assertExact(new double[] {0.5, 0, 1}, new double[] {out[3], out[4], out[5]}, "error row");
    }

    @Test
    void logregGradientsMatchTheirForward() {
        double[] x = random(4, K * N);
        double[] probs = softmax(DType.FLOAT64, x);
        double coeff = 0.7;
        double[] g = logreg(probs, coeff).run("cost.logreg", Ops.BACKWARD_INPUT).get("inputGrad");
        assertGradient(probs, v -> coeff * logprob(v), g, 1e-8, "logreg to probs");
        double[] gs = logreg(probs, coeff).run("cost.logreg", Ops.BACKWARD_SOFTMAX).get("inputGrad");
        assertGradient(x, v -> coeff * logprob(softmax(DType.FLOAT64, v)), gs, 1e-8, "logreg through softmax");
    }

    @Test
    void sum2ValueAndGradient() {
        double[] x = random(5, K * N);
        Launch l = Launch.of(DType.FLOAT64).integer("numCases", N).integer("accumulate", 0).real("coeff", 0.3)
                .tensor("input", K, N, x).zeros("output", 1, N).zeros("inputGrad", K, N);
        double[] out = l.run("cost.sum2", Ops.FORWARD).get("output");
        double col0 = 0;
        for (int j = 0; j < K; j++) {
            col0 += x[j * N] * x[j * N];
        }
        assertEquals(col0, out[0], 1e-15);
        double[] g = l.run("cost.sum2", Ops.BACKWARD_INPUT).get("inputGrad");
        assertGradient(x, v -> {
            double s = 0;
            for (double e : v) {
                s += e * e;
            }
            return 0.3 * s;
        }, g, 1e-9, "sum2");
    }
}
