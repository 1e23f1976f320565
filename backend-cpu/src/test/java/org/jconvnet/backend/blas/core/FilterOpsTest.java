package org.jconvnet.backend.blas.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The im2col + sgemm path of conv (an engine without oneDNN): the two input-gradient paths
 * ({@link FilterOps#transposedBackwardInput}, the forward pass of the transposed conv, and
 * {@link FilterOps#foldedBackwardInput}, col2im) and the forward pass against float64 loops written
 * from the definition ({@link ConvDefinitions}), on geometries the contracts' sample table does not reach: groups with
 * the transposed path, padding beyond {@code fs - 1} (a negative transposed padding), fewer modules
 * than the image allows, one case.
 */
class FilterOpsTest {
    private static final float TOLERANCE = 1e-5f;

    @ParameterizedTest(name = "N={0} C={1} S={2} F={3} fs={4} pad={5} groups={6} M={7}")
    @CsvSource({
        "5, 4, 7, 6, 3, 1, 2, 7", // groups
        "3, 4, 6, 8, 5, 2, 2, 6", // groups, the shipped nets' fs and padding
        "4, 3, 5, 4, 3, 3, 1, 9", // padding above fs - 1
        "2, 6, 8, 3, 3, 0, 1, 4", // fewer modules than S - fs + 1 = 6
        "1, 2, 4, 3, 1, 0, 1, 4", // fs 1, one case
        "7, 8, 5, 16, 5, 2, 1, 5", // F = 2C, the largest the transposed path takes
        "3, 12, 6, 24, 5, 2, 2, 6"}) // groups with K' = 300: the transposed conv's product is transposed too
    void bothInputGradientPathsMatchTheDefinition(int n, int c, int s, int f, int fs, int pad, int groups, int m) {
        assumeTrue(OpenBlas.load().loaded(), () -> OpenBlas.load().description());
        FilterGeometry g = new FilterGeometry(false, c, s, f, fs, pad, 1, m, groups, n);
        assertTrue(g.transposable(), "the geometry takes the transposed path");
        Random r = new Random(n * 31L + c * 7L + s);
        float[] grad = ConvDefinitions.random(r, (int) g.outputSize());
        float[] weights = ConvDefinitions.random(r, (int) g.weightsSize());
        float[] start = ConvDefinitions.random(r, (int) g.inputSize());
        double[] expected = ConvDefinitions.inputGradient(g, grad, weights);
        for (int threads : new int[] {1, 3}) {
            try (Compute e = new Compute(threads)) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] transposed = start.clone();
                    float[] folded = start.clone();
                    e.filters().transposedBackwardInput(g, grad, weights, transposed, accumulate);
                    e.filters().foldedBackwardInput(g, grad, weights, folded, accumulate);
                    for (int i = 0; i < expected.length; i++) {
                        double want = expected[i] + (accumulate ? start[i] : 0);
                        assertEquals(want, transposed[i], TOLERANCE * (1 + Math.abs(want)), "transposed at " + i);
                        assertEquals(want, folded[i], TOLERANCE * (1 + Math.abs(want)), "folded at " + i);
                    }
                }
            }
        }
    }

    @Test
    void theTransposedPathIsForStrideOneConvWithoutManyMoreFiltersThanChannels() {
        assertTrue(new FilterGeometry(false, 64, 16, 64, 5, 2, 1, 16, 1, 128).transposable(), "seed conv2");
        assertTrue(new FilterGeometry(false, 32, 8, 64, 5, 2, 1, 8, 1, 128).transposable(), "18pct conv3");
        assertFalse(new FilterGeometry(false, 3, 32, 64, 5, 2, 1, 32, 1, 128).transposable(), "an RGB first layer");
        assertFalse(new FilterGeometry(false, 16, 16, 16, 3, 1, 2, 8, 1, 8).transposable(), "stride 2");
        assertFalse(new FilterGeometry(true, 64, 8, 64, 3, 1, 1, 8, 1, 8).transposable(), "local");
        FilterGeometry t = new FilterGeometry(false, 64, 8, 32, 5, 1, 1, 6, 2, 128).transposed();
        assertEquals(new FilterGeometry(false, 32, 6, 64, 5, 3, 1, 8, 2, 128), t);
    }

    @Test
    void theTransposedPathGivesTheSameBitsWithAnyNumberOfWorkers() {
        assumeTrue(OpenBlas.load().loaded(), () -> OpenBlas.load().description());
        FilterGeometry g = new FilterGeometry(false, 8, 9, 12, 5, 2, 1, 9, 2, 6);
        Random r = new Random(5);
        float[] grad = ConvDefinitions.random(r, (int) g.outputSize());
        float[] weights = ConvDefinitions.random(r, (int) g.weightsSize());
        float[] one = new float[(int) g.inputSize()];
        float[] three = new float[one.length];
        try (Compute a = new Compute(1); Compute b = new Compute(3)) {
            a.filters().backwardInput(g, grad, weights, one, false);
            b.filters().backwardInput(g, grad, weights, three, false);
        }
        assertArrayEquals(one, three);
    }

    /**
     * conv's forward pass against the definition, with the product in both orientations: F rows
     * (K below 256, an RGB-like first layer) and transposed (K from 256 on), grouped or not, written
     * or added, on one and three workers.
     */
    @ParameterizedTest(name = "N={0} C={1} S={2} F={3} fs={4} pad={5} groups={6} M={7}")
    @CsvSource({
        "5, 3, 7, 6, 5, 2, 1, 7", // K = 75: F rows
        "4, 12, 6, 8, 5, 2, 1, 6", // K = 300: transposed
        "3, 24, 5, 12, 5, 1, 2, 3", // groups, K = 300 per group: transposed
        "160, 16, 8, 8, 5, 2, 1, 8"}) // 1,280 columns a chunk: more than the copy-out's block of 1,024
    void theForwardPassMatchesTheDefinitionInBothProductOrientations(int n, int c, int s, int f, int fs, int pad,
                                                                   int groups, int m) {
        assumeTrue(OpenBlas.load().loaded(), () -> OpenBlas.load().description());
        FilterGeometry g = new FilterGeometry(false, c, s, f, fs, pad, 1, m, groups, n);
        Random r = new Random(n * 17L + c * 5L + f);
        float[] input = ConvDefinitions.random(r, (int) g.inputSize());
        float[] weights = ConvDefinitions.random(r, (int) g.weightsSize());
        float[] start = ConvDefinitions.random(r, (int) g.outputSize());
        double[][] definition = ConvDefinitions.forward(g, input, weights);
        double[] expected = definition[0];
        double[] magnitude = definition[1];
        for (int threads : new int[] {1, 3}) {
            try (Compute e = new Compute(threads)) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] out = start.clone();
                    e.filters().forward(g, input, weights, out, accumulate);
                    for (int i = 0; i < expected.length; i++) {
                        double want = expected[i] + (accumulate ? start[i] : 0);
                        // float32 sums of K products: the rounding grows with the terms' magnitudes
                        assertEquals(want, out[i], TOLERANCE * (1 + Math.abs(start[i]) + magnitude[i]),
                                "output at " + i);
                    }
                }
            }
        }
    }
}
