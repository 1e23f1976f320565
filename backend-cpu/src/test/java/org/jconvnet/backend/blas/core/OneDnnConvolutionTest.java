package org.jconvnet.backend.blas.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * conv through oneDNN ({@link OneDnnConvolution}, reached through an engine built with it) against
 * the float64 definitions ({@link ConvDefinitions}): forward, input gradient and weight gradient,
 * written and added, on the geometries cuda-convnet's layouts make awkward: groups (a strided 5-D
 * weight view), strides above 1 with the module count fixing the far padding, padding beyond
 * {@code fs - 1}, fewer modules than the image allows, one case, the shipped nets' layer shapes.
 */
class OneDnnConvolutionTest {
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "N={0} C={1} S={2} F={3} fs={4} pad={5} stride={6} groups={7} M={8}")
    @CsvSource({
        "5, 3, 7, 6, 5, 2, 1, 1, 7", // an RGB first layer
        "3, 4, 6, 8, 5, 2, 1, 2, 6", // groups
        "4, 3, 5, 4, 3, 3, 1, 1, 9", // padding above fs - 1
        "2, 6, 8, 3, 3, 0, 1, 1, 4", // fewer modules than S - fs + 1 = 6
        "1, 2, 4, 3, 1, 0, 1, 1, 4", // fs 1, one case
        "3, 4, 9, 6, 3, 1, 2, 1, 5", // stride 2, the modules reaching the far edge
        "2, 4, 8, 4, 3, 0, 2, 2, 3", // stride 2 with groups, the modules stopping short of the far edge
        "16, 32, 8, 64, 5, 2, 1, 1, 8"}) // layers-18pct's conv3 on 16 cases
    void everyPassMatchesTheDefinition(int n, int c, int s, int f, int fs, int pad, int stride, int groups, int m) {
        assumeTrue(OpenBlas.load().loaded(), () -> OpenBlas.load().description());
        assumeTrue(OneDnn.load().loaded(), () -> OneDnn.load().description());
        FilterGeometry g = new FilterGeometry(false, c, s, f, fs, pad, stride, m, groups, n);
        Random r = new Random(n * 31L + c * 7L + s * 3L + stride);
        float[] input = ConvDefinitions.random(r, (int) g.inputSize());
        float[] weights = ConvDefinitions.random(r, (int) g.weightsSize());
        float[] grad = ConvDefinitions.random(r, (int) g.outputSize());
        double[] forward = ConvDefinitions.forward(g, input, weights)[0];
        double[] inputGrad = ConvDefinitions.inputGradient(g, grad, weights);
        double[] weightsGrad = ConvDefinitions.weightGradient(g, input, grad);
        try (Compute e = new Compute(2, true)) {
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] out = ConvDefinitions.random(r, forward.length);
                float[] outStart = out.clone();
                e.filters().forward(g, input, weights, out, accumulate);
                assertClose(forward, outStart, out, accumulate, "forward");
                float[] in = ConvDefinitions.random(r, inputGrad.length);
                float[] inStart = in.clone();
                e.filters().backwardInput(g, grad, weights, in, accumulate);
                assertClose(inputGrad, inStart, in, accumulate, "input gradient");
                float[] w = ConvDefinitions.random(r, weightsGrad.length);
                float[] wStart = w.clone();
                e.filters().backwardWeights(g, input, grad, w, accumulate);
                assertClose(weightsGrad, wStart, w, accumulate, "weight gradient");
            }
        }
    }

    @Test
    void aLayerRunsThroughOneDnnAndTheSameInputsGiveTheSameBits() {
        assumeTrue(OneDnn.load().loaded(), () -> OneDnn.load().description());
        FilterGeometry g = new FilterGeometry(false, 32, 16, 32, 5, 2, 1, 16, 1, 32); // 18pct's conv2, 32 cases
        Random r = new Random(3);
        float[] input = ConvDefinitions.random(r, (int) g.inputSize());
        float[] grad = ConvDefinitions.random(r, (int) g.outputSize());
        float[] first = new float[(int) g.weightsSize()];
        float[] second = new float[first.length];
        try (Workers workers = new Workers(2); OneDnnConvolutions convs = new OneDnnConvolutions(workers)) {
            OneDnnConvolution c = convs.of(g);
            assertNotNull(c, () -> "oneDNN refused " + g + ": " + convs.refusal(g));
            c.backwardWeights(input, grad, first, false);
            c.backwardWeights(input, grad, second, false);
            assertNull(convs.of(new FilterGeometry(true, 32, 16, 32, 5, 2, 1, 16, 1, 32)), "local runs on sgemm");
        }
        assertArrayEquals(first, second, "the deterministic weight gradient");
    }

    @Test
    void onlyTheMostRecentlyUsedGeometriesStayBuilt() {
        assumeTrue(OneDnn.load().loaded(), () -> OneDnn.load().description());
        try (Workers workers = new Workers(1); OneDnnConvolutions convs = new OneDnnConvolutions(workers)) {
            FilterGeometry first = new FilterGeometry(false, 2, 4, 2, 3, 1, 1, 4, 1, 1);
            OneDnnConvolution c = convs.of(first);
            for (int n = 2; n <= OneDnnConvolutions.KEPT; n++) {
                convs.of(new FilterGeometry(false, 2, 4, 2, 3, 1, 1, 4, 1, n));
            }
            assertSame(c, convs.of(first), "still built: the first is the most recently used again");
            for (int n = OneDnnConvolutions.KEPT + 1; n <= 2 * OneDnnConvolutions.KEPT; n++) {
                convs.of(new FilterGeometry(false, 2, 4, 2, 3, 1, 1, 4, 1, n));
            }
            OneDnnConvolution rebuilt = convs.of(first);
            assertNotSame(c, rebuilt, "closed and built again after KEPT newer geometries");
            float[] out = new float[(int) first.outputSize()];
            rebuilt.forward(new float[(int) first.inputSize()], new float[(int) first.weightsSize()], out, false);
        }
    }

    /** Each value within float32 rounding of the definition (plus the start, when added). */
    private static void assertClose(double[] expected, float[] start, float[] got, boolean accumulate, String what) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            double want = expected[i] + (accumulate ? start[i] : 0);
            assertEquals(want, got[i], TOLERANCE * (1 + scale + Math.abs(start[i])),
                    what + (accumulate ? " (added)" : "") + " at " + i);
        }
    }
}
