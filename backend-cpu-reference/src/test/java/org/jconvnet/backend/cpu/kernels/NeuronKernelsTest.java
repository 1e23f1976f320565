package org.jconvnet.backend.cpu.kernels;

import static org.jconvnet.backend.cpu.kernels.Checks.assertClose;
import static org.jconvnet.backend.cpu.kernels.Checks.assertGradient;
import static org.jconvnet.backend.cpu.kernels.Checks.dot;
import static org.jconvnet.backend.cpu.kernels.Checks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** neuron: values of every function code, gradients away from kinks, dtypes. */
class NeuronKernelsTest {
    private static final int N = 4;
    private static final double A = 1.7;
    private static final double B = 0.6;

    private static Launch launch(DType dtype, int code, double[] x) {
        return Launch.of(dtype).integer("numCases", N).integer("function", code).real("a", A).real("b", B)
                .integer("accumulate", 0).tensor("input", x.length / N, N, x).zeros("output", x.length / N, N)
                .run("neuron", Ops.FORWARD);
    }

    private static double value(int code, double x) {
        double[] in = new double[N];
        in[0] = x;
        return launch(DType.FLOAT64, code, in).get("output")[0];
    }

    @Test
    void valuesOfEachFunction() {
        assertEquals(-1.5, value(0, -1.5), 0.0, "ident");
        assertEquals(0, value(1, -1.5), 0.0, "relu");
        assertEquals(2, value(1, 2), 0.0, "relu");
        assertEquals(1 / (1 + Math.exp(-0.5)), value(2, 0.5), 1e-16, "logistic");
        assertEquals(A * Math.tanh(B * 0.5), value(3, 0.5), 1e-16, "tanh[a,b]");
        assertEquals(1.5, value(4, -1.5), 0.0, "abs");
        assertEquals(2.25, value(5, -1.5), 0.0, "square");
        assertEquals(1.5, value(6, 2.25), 0.0, "sqrt");
        assertEquals(A * 2 + B, value(7, 2), 1e-15, "linear[a,b]");
        assertEquals(Math.log(1 + Math.exp(1.0)), value(8, 1), 1e-15, "softrelu");
        assertEquals(5, value(8, 5), 0.0, "softrelu above 4 is x");
        assertEquals(A, value(9, 3), 0.0, "brelu caps at a");
        assertEquals(0, value(9, -3), 0.0, "brelu floors at 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void backwardMatchesCentralDifferencesAwayFromKinks(int code) {
        double[] x = random(code + 1, 6 * N);
        for (int i = 0; i < x.length; i++) {
            // keep |x| >= 0.1 (relu, abs, brelu kinks at 0), away from brelu's kink at a, positive for sqrt
            double mag = 0.1 + 2.2 * Math.abs(x[i]);
            x[i] = code == 6 ? mag : Math.abs(mag - A) < 0.05 ? mag + 0.1 : Math.copySign(mag, x[i]);
        }
        double[] r = random(code + 100, x.length);
        double[] grad = launch(DType.FLOAT64, code, x).tensor("outputGrad", x.length / N, N, r)
                .zeros("inputGrad", x.length / N, N).run("neuron", Ops.BACKWARD_INPUT).get("inputGrad");
        assertGradient(x, v -> dot(launch(DType.FLOAT64, code, v).get("output"), r), grad, 1e-8, "neuron " + code);
        double[] grad32 = launch(DType.FLOAT32, code, x).tensor("outputGrad", x.length / N, N, r)
                .zeros("inputGrad", x.length / N, N).run("neuron", Ops.BACKWARD_INPUT).get("inputGrad");
        assertClose(grad, grad32, 1e-5, "neuron " + code + " float32 vs float64");
    }

    @Test
    void softreluBackwardIsTheCorrectDerivative() {
        double[] x = new double[N];
        x[0] = 1;
        double[] g = launch(DType.FLOAT64, 8, x).tensor("outputGrad", 1, N, new double[] {1, 0, 0, 0})
                .zeros("inputGrad", 1, N).run("neuron", Ops.BACKWARD_INPUT).get("inputGrad");
        assertEquals(1 / (1 + Math.exp(-1.0)), g[0], 1e-15, "sigmoid(x), not cuda-convnet 1's e^y/(1+e^y)");
    }

    @Test
    void unknownFunctionCodeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> launch(DType.FLOAT64, 10, new double[N]));
    }
}
