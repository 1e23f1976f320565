package org.jconvnet.backend.blas.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No allocation per minibatch: a training step of a small seed-shaped net (conv through both
 * input-gradient paths, local, pool, the norms, fc, relu, SGD) grows the engine's scratch on its
 * first run only; the second and third runs find every buffer big enough.
 */
class ScratchFootprintTest {
    private static final int N = 16;
    private final Random random = new Random(3);

    @Test
    void onlyTheFirstStepGrowsTheScratch() {
        assumeTrue(OpenBlas.load().loaded(), () -> OpenBlas.load().description());
        FilterGeometry conv1 = new FilterGeometry(false, 3, 12, 16, 5, 2, 1, 12, 1, N); // folded input gradient
        FilterGeometry conv2 = new FilterGeometry(false, 16, 6, 16, 5, 2, 1, 6, 1, N); // transposed
        FilterGeometry local = new FilterGeometry(true, 16, 6, 8, 3, 1, 1, 6, 1, N);
        PoolOps.Geometry pool = new PoolOps.Geometry(16, 12, 3, 0, 2, 6, false, N);
        NormOps.Geometry cmrnorm = new NormOps.Geometry(true, false, 16, 6, 5, false, 0.001f, 0.75f, 1f, N);
        NormOps.Geometry rnorm = new NormOps.Geometry(false, false, 16, 6, 3, false, 0.001f, 0.75f, 1f, N);
        Step step = new Step(conv1, conv2, local, pool, cmrnorm, rnorm);
        try (Compute e = new Compute(2)) {
            step.run(e);
            long first = e.scratch().footprint();
            assertTrue(first > 0, "the first step sized the scratch");
            step.run(e);
            assertEquals(first, e.scratch().footprint(), "the second step allocated scratch");
            step.run(e);
            assertEquals(first, e.scratch().footprint(), "the third step allocated scratch");
        }
    }

    /** The tensors of one step, allocated once, as a net allocates its activations once. */
    private final class Step {
        private final FilterGeometry conv1;
        private final FilterGeometry conv2;
        private final FilterGeometry local;
        private final PoolOps.Geometry pool;
        private final NormOps.Geometry cmrnorm;
        private final NormOps.Geometry rnorm;
        private final float[] data;
        private final float[] w1;
        private final float[] a1;
        private final float[] p1;
        private final float[] n1;
        private final float[] d1;
        private final float[] w2;
        private final float[] a2;
        private final float[] n2;
        private final float[] d2;
        private final float[] w3;
        private final float[] a3;
        private final float[] fcWeights;
        private final float[] fcOut;

        Step(FilterGeometry conv1, FilterGeometry conv2, FilterGeometry local, PoolOps.Geometry pool,
             NormOps.Geometry cmrnorm, NormOps.Geometry rnorm) {
            this.conv1 = conv1;
            this.conv2 = conv2;
            this.local = local;
            this.pool = pool;
            this.cmrnorm = cmrnorm;
            this.rnorm = rnorm;
            data = values(conv1.inputSize());
            w1 = values(conv1.weightsSize());
            a1 = values(conv1.outputSize());
            p1 = values(conv2.inputSize());
            n1 = values(conv2.inputSize());
            d1 = values(conv2.inputSize());
            w2 = values(conv2.weightsSize());
            a2 = values(conv2.outputSize());
            n2 = values(conv2.outputSize());
            d2 = values(conv2.outputSize());
            w3 = values(local.weightsSize());
            a3 = values(local.outputSize());
            fcWeights = values(local.outputSize() / N * 10);
            fcOut = values(10L * N);
        }

        void run(Compute e) {
            int fcIn = (int) (local.outputSize() / N);
            e.filters().forward(conv1, data, w1, a1, false);
            e.pointwise().neuronForward(PointwiseOps.RELU, 0, 0, a1, a1);
            e.pool().forward(pool, a1, p1);
            e.norms().forward(cmrnorm, p1, n1, d1, null);
            e.filters().forward(conv2, n1, w2, a2, false);
            e.norms().forward(rnorm, a2, n2, d2, null);
            e.filters().forward(local, n2, w3, a3, false);
            e.dense().forward(fcIn, 10, N, a3, fcWeights, fcOut, false);

            float[] gFc = values(fcOut.length);
            float[] g3 = values(a3.length);
            e.dense().backwardInput(fcIn, 10, N, gFc, fcWeights, g3, false);
            e.dense().backwardWeights(fcIn, 10, N, a3, gFc, values(fcWeights.length), false);
            float[] g2n = values(n2.length);
            e.filters().backwardInput(local, g3, w3, g2n, false);
            e.filters().backwardWeights(local, n2, g3, values(w3.length), false);
            float[] g2 = values(a2.length);
            e.norms().backwardInput(rnorm, a2, n2, d2, null, g2n, g2, false);
            float[] g1n = values(n1.length);
            e.filters().backwardInput(conv2, g2, w2, g1n, false);
            e.filters().backwardWeights(conv2, n1, g2, values(w2.length), false);
            float[] g1p = values(p1.length);
            e.norms().backwardInput(cmrnorm, p1, n1, d1, null, g1n, g1p, false);
            float[] g1 = values(a1.length);
            e.pool().backwardInput(pool, a1, p1, g1p, g1, false);
            e.pointwise().neuronBackward(PointwiseOps.RELU, 0, 0, a1, a1, g1, g1, false);
            e.filters().backwardInput(conv1, g1, w1, values(data.length), false);
            float[] gw1 = values(w1.length);
            e.filters().backwardWeights(conv1, data, g1, gw1, false);
            e.pointwise().sgd(w1, gw1, values(w1.length), 0.01f, 0.9f, 0.0005f);
        }
    }

    private float[] values(long size) {
        float[] v = new float[(int) size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
