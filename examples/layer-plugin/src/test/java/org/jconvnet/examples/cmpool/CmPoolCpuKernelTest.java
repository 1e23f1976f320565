package org.jconvnet.examples.cmpool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CPU-reference kernels against hand-computed values and, in float64, against central
 * differences of the forward pass; float32 against float64.
 */
class CmPoolCpuKernelTest {
    private Backend cpu;

    @BeforeEach
    void start() {
        cpu = new CpuBackendProvider().create(BackendConfig.defaults());
    }

    @AfterEach
    void stop() {
        cpu.close();
    }

    private Tensor tensor(int rows, int cols, DType dtype, double[] values) {
        Tensor t = cpu.allocate(rows, cols, dtype);
        t.upload(values);
        return t;
    }

    private double[] forward(CmPoolGeometry g, int n, DType dtype, double[] input) {
        Tensor in = tensor(g.channels() * g.imgPixels(), n, dtype, input);
        Tensor out = cpu.allocate(g.outputs() * g.imgPixels(), n, dtype);
        cpu.kernels().get(KernelKey.of(CmPoolContract.TYPE, Ops.FORWARD, dtype))
                .launch(new CmPoolContract.Forward(g, n, in, out));
        return out.download();
    }

    private double[] backward(CmPoolGeometry g, int n, DType dtype, double[] input, double[] outputGrad,
                              double[] initialGrad, boolean accumulate) {
        Tensor in = tensor(g.channels() * g.imgPixels(), n, dtype, input);
        Tensor out = tensor(g.outputs() * g.imgPixels(), n, dtype, forward(g, n, dtype, input));
        Tensor og = tensor(g.outputs() * g.imgPixels(), n, dtype, outputGrad);
        Tensor ig = tensor(g.channels() * g.imgPixels(), n, dtype, initialGrad);
        cpu.kernels().get(KernelKey.of(CmPoolContract.TYPE, Ops.BACKWARD_INPUT, dtype))
                .launch(new CmPoolContract.BackwardInput(g, n, accumulate, in, out, og, ig));
        return ig.download();
    }

    @Test
    void forwardTakesTheMaximumOfEachClippedChannelWindow() {
        // 5 channels, 1 pixel, 2 cases; windows of 3 with stride 2, start -1: [0,2), [1,4), [3,5)
        CmPoolGeometry g = new CmPoolGeometry(5, 1, 3, -1, 2, 3);
        double[] in = {1, -1, 4, 2, -3, 5, 0, 0, 2, 9}; // (c, n): c0=(1,-1) c1=(4,2) c2=(-3,5) c3=(0,0) c4=(2,9)
        assertArrayEquals(new double[] {4, 2, 4, 5, 2, 9}, forward(g, 2, DType.FLOAT64, in));
    }

    @Test
    void backwardRoutesToEveryTiedWinnerAndAccumulates() {
        CmPoolGeometry g = new CmPoolGeometry(4, 1, 2, 0, 1, 3); // windows [0,2), [1,3), [2,4)
        double[] in = {3, 3, 1, 3};          // one case; c0 and c1 tie in window 0, c1 wins window 1
        double[] outGrad = {10, 20, 40};
        double[] got = backward(g, 1, DType.FLOAT64, in, outGrad, new double[4], false);
        assertArrayEquals(new double[] {10, 30, 0, 40}, got);
        double[] acc = backward(g, 1, DType.FLOAT64, in, outGrad, new double[] {1, 1, 1, 1}, true);
        assertArrayEquals(new double[] {11, 31, 1, 41}, acc);
    }

    @Test
    void backwardIsTheGradientOfForwardByCentralDifferences() {
        CmPoolGeometry g = new CmPoolGeometry(7, 3, 3, -1, 2, 4);
        int n = 3;
        Random r = new Random(5);
        double[] in = r.doubles(g.channels() * g.imgPixels() * n).map(v -> v * 4 - 2).toArray();
        double[] weights = r.doubles(g.outputs() * g.imgPixels() * n).map(v -> v - 0.5).toArray();
        // cost = sum(weights * output), so dCost/dOutput = weights
        double[] analytic = backward(g, n, DType.FLOAT64, in, weights, new double[in.length], false);
        double h = 1e-6;
        for (int i = 0; i < in.length; i++) {
            double[] plus = in.clone();
            double[] minus = in.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (dot(weights, forward(g, n, DType.FLOAT64, plus))
                    - dot(weights, forward(g, n, DType.FLOAT64, minus))) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-7, "element " + i);
        }
    }

    @Test
    void float32AgreesWithFloat64() {
        CmPoolGeometry g = new CmPoolGeometry(16, 4, 5, -2, 3, 6);
        int n = 8;
        Random r = new Random(9);
        double[] in = r.doubles(g.channels() * g.imgPixels() * n).map(v -> (float) (v * 2 - 1)).toArray();
        double[] og = r.doubles(g.outputs() * g.imgPixels() * n).map(v -> (float) (v * 2 - 1)).toArray();
        assertArrayEquals(forward(g, n, DType.FLOAT64, in), forward(g, n, DType.FLOAT32, in), 0);
        double[] b64 = backward(g, n, DType.FLOAT64, in, og, new double[in.length], false);
        double[] b32 = backward(g, n, DType.FLOAT32, in, og, new double[in.length], false);
        assertArrayEquals(b64, b32, 1e-6);
        assertTrue(java.util.Arrays.stream(b64).anyMatch(v -> v != 0), "some gradient must flow");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
